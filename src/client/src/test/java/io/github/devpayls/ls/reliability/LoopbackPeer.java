package io.github.devpayls.ls.reliability;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;

/**
 * A loopback TCP server whose every connection is handled by a script, for the failures a real
 * HTTP server never produces on purpose: a reset, silence, a body streamed without end, a TLS
 * server with a broken certificate, a raw reader of the TLS ClientHello. Records the bytes each
 * connection received before the script took over, and closes every socket it accepted on close.
 */
final class LoopbackPeer implements AutoCloseable {

    /** What to do with one accepted connection. */
    @FunctionalInterface
    interface Script {
        void handle(Socket socket, InputStream in, OutputStream out) throws IOException, InterruptedException;
    }

    private final ServerSocket server;
    private final Thread acceptor;
    private final AtomicInteger accepted = new AtomicInteger();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final List<Thread> handlers = new CopyOnWriteArrayList<>();
    private final List<Throwable> handlerFailures = new CopyOnWriteArrayList<>();
    private final String scheme;

    private LoopbackPeer(ServerSocket server, String scheme, Script script) {
        this.server = server;
        this.scheme = scheme;
        this.acceptor = new Thread(() -> acceptLoop(script), "loopback-peer-" + server.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** @return a plain TCP peer */
    static LoopbackPeer plain(Script script) throws IOException {
        return new LoopbackPeer(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), "http", script);
    }

    /** @return a TLS peer with the given server context; handshake problems end the connection */
    static LoopbackPeer tls(SSLContext context, Script script) throws IOException {
        SSLServerSocket socket = (SSLServerSocket) context.getServerSocketFactory()
                .createServerSocket(0, 50, InetAddress.getLoopbackAddress());
        return new LoopbackPeer(socket, "https", script);
    }

    URI endpoint() {
        return URI.create(scheme + "://127.0.0.1:" + server.getLocalPort() + "/");
    }

    int port() {
        return server.getLocalPort();
    }

    int acceptedConnections() {
        return accepted.get();
    }

    List<Throwable> handlerFailures() {
        return handlerFailures;
    }

    /** Waits for every connection's script to end; each ends when its peer closes or on {@link #close()}. */
    boolean awaitHandlers(long millis) throws InterruptedException {
        long until = System.nanoTime() + millis * 1_000_000;
        for (Thread handler : handlers) {
            long left = (until - System.nanoTime()) / 1_000_000;
            handler.join(Math.max(1, left));
            if (handler.isAlive()) {
                return false;
            }
        }
        return true;
    }

    private void acceptLoop(Script script) {
        while (!server.isClosed()) {
            Socket socket;
            try {
                socket = server.accept();
            } catch (IOException e) {
                return;
            }
            accepted.incrementAndGet();
            sockets.add(socket);
            Thread handler = new Thread(() -> {
                try (socket) {
                    script.handle(socket, socket.getInputStream(), socket.getOutputStream());
                } catch (IOException | InterruptedException | RuntimeException e) {
                    handlerFailures.add(e);
                }
            }, "loopback-peer-connection");
            handler.setDaemon(true);
            handlers.add(handler);
            handler.start();
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        server.close();
        for (Socket socket : sockets) {
            socket.close();
        }
        acceptor.join(5_000);
        awaitHandlers(5_000);
    }

    // ---- pieces of scripts ----

    /**
     * Reads one HTTP request: the head up to the blank line, then {@code Content-Length} bytes.
     *
     * @return the whole request as text, or what arrived before the peer closed
     */
    static String readRequest(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        int b;
        while (matched < 4 && (b = in.read()) >= 0) {
            head.write(b);
            matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        String text = head.toString(StandardCharsets.ISO_8859_1);
        int length = 0;
        for (String line : text.split("\r\n")) {
            if (line.regionMatches(true, 0, "Content-Length:", 0, 15)) {
                length = Integer.parseInt(line.substring(15).strip());
            }
        }
        return text + new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }

    /** Blocks until the other side closes the connection (or it is closed on {@link #close()}). */
    static void awaitClientClose(InputStream in) throws IOException {
        byte[] sink = new byte[1024];
        try {
            while (in.read(sink) >= 0) {
                // discard: only the end matters
            }
        } catch (IOException closed) {
            // reset by the client or closed by close(): the client let go either way
        }
    }

    /** Writes an HTTP/1.1 response head announcing a body of the given length. */
    static void writeHead(OutputStream out, int status, String contentType, long contentLength, String... extraHeaders)
            throws IOException {
        StringBuilder head = new StringBuilder("HTTP/1.1 ").append(status).append(" X\r\n")
                .append("Content-Type: ").append(contentType).append("\r\n")
                .append("Content-Length: ").append(contentLength).append("\r\n");
        for (String header : extraHeaders) {
            head.append(header).append("\r\n");
        }
        head.append("\r\n");
        out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }
}
