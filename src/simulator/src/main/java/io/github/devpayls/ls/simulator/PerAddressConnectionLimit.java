package io.github.devpayls.ls.simulator;

import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.io.SocketChannelEndPoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Closes a new connection when its remote address already holds {@code limit} open ones, so one
 * client cannot take every connection the server is willing to hold. Jetty's own limits
 * ({@code NetworkConnectionLimit}) count all clients together; this counts per address. Only
 * network connections count: over TLS, the HTTP connection inside the TLS one is the same socket.
 */
final class PerAddressConnectionLimit implements Connection.Listener {

    private static final Logger LOG = LoggerFactory.getLogger(PerAddressConnectionLimit.class);

    private final int limit;
    private final ConcurrentMap<InetAddress, Integer> open = new ConcurrentHashMap<>();
    /** The address of each counted connection, kept because a closed socket no longer tells it. */
    private final ConcurrentMap<Connection, InetAddress> counted = new ConcurrentHashMap<>();

    PerAddressConnectionLimit(int limit) {
        this.limit = limit;
    }

    @Override
    public void onOpened(Connection connection) {
        EndPoint endPoint = connection.getEndPoint();
        InetAddress address = networkAddress(endPoint);
        if (address == null) {
            return;
        }
        counted.put(connection, address);
        int now = open.merge(address, 1, Integer::sum);
        if (now > limit) {
            LOG.debug("{} already holds {} connections; new connection closed", address.getHostAddress(), limit);
            endPoint.close();
        }
    }

    @Override
    public void onClosed(Connection connection) {
        InetAddress address = counted.remove(connection);
        if (address != null) {
            open.computeIfPresent(address, (key, count) -> count > 1 ? count - 1 : null);
        }
    }

    /** The remote address of a network connection; {@code null} for one layered inside another. */
    private static InetAddress networkAddress(EndPoint endPoint) {
        if (!(endPoint instanceof SocketChannelEndPoint)) {
            return null;
        }
        SocketAddress remote = endPoint.getRemoteSocketAddress();
        return remote instanceof InetSocketAddress inet ? inet.getAddress() : null;
    }
}
