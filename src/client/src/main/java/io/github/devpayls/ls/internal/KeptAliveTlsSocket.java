package io.github.devpayls.ls.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketException;
import java.net.SocketOption;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import javax.net.ssl.HandshakeCompletedListener;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;

/**
 * A TLS connection, layered over a channel-backed TCP socket, that answers the JDK's liveness probe
 * of a kept-alive connection without waiting.
 *
 * <p>Before it sends a streamed POST (the mode the client uses so that the JDK never resends a
 * request on its own, see {@link FixedLengthRequest}) on a connection from its keep-alive cache,
 * {@code HttpURLConnection} checks that the server has not closed it: it sets a 1 ms read timeout
 * and reads. On a live connection that read always waits out the millisecond (plus a new 8 KiB
 * buffer and a {@link SocketTimeoutException}), which made every small call several times slower.
 * Here that read is answered by one non-blocking read of the TCP channel instead: nothing there
 * means alive (the timeout, at once); the end of the stream, a reset or any stray byte (a TLS
 * close_notify, data nobody asked for) means the connection must not carry another request, and it
 * is reported as ended so that the JDK closes it and opens a fresh one, which the request then
 * takes. No request byte is ever written before that check, so it never costs a delivered request.
 *
 * <p>The probe is told apart by its timeout: the client never sets a read timeout below
 * {@link ClientDefaults#MIN_RECEIVE_TIMEOUT} (2 ms), so a 1 ms timeout is only ever the JDK's
 * probe. Everything else is the layered TLS socket's own behaviour, delegated.
 */
final class KeptAliveTlsSocket extends SSLSocket {

    /** The read timeout the JDK sets for its liveness probe, and only for it. */
    static final int PROBE_TIMEOUT_MILLIS = 1;

    private final SSLSocket tls;
    private final SocketChannel channel;
    private final InputStream input;
    private final ByteBuffer probeByte = ByteBuffer.allocate(1);
    private volatile int soTimeout;

    /**
     * @param tls     the TLS socket layered over {@code channel}'s socket
     * @param channel the connected TCP channel underneath
     * @throws IOException when the TLS socket has no input stream
     */
    KeptAliveTlsSocket(SSLSocket tls, SocketChannel channel) throws IOException {
        this.tls = tls;
        this.channel = channel;
        this.soTimeout = tls.getSoTimeout();
        this.input = new ProbeAnswering(tls.getInputStream());
    }

    /**
     * Whether the connection can carry another request, decided without waiting.
     *
     * @return {@code true} when nothing arrived since the last answer and the peer has not closed
     * @throws IOException when the channel fails (a reset): not reusable either
     */
    boolean reusable() throws IOException {
        if (tls.getInputStream().available() > 0) {
            // Decrypted bytes nobody asked for: the connection is out of step with HTTP.
            return false;
        }
        synchronized (probeByte) {
            channel.configureBlocking(false);
            try {
                probeByte.clear();
                return channel.read(probeByte) == 0;
            } finally {
                channel.configureBlocking(true);
            }
        }
    }

    /** The TLS input, except that the probe's read is answered by {@link #reusable()}. */
    private final class ProbeAnswering extends InputStream {
        private final InputStream in;

        ProbeAnswering(InputStream in) {
            this.in = in;
        }

        private int probe() throws IOException {
            if (reusable()) {
                throw new SocketTimeoutException("kept-alive connection is idle and open");
            }
            return -1;
        }

        @Override
        public int read() throws IOException {
            return soTimeout == PROBE_TIMEOUT_MILLIS ? probe() : in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            return soTimeout == PROBE_TIMEOUT_MILLIS ? probe() : in.read(b, off, len);
        }

        @Override
        public int available() throws IOException {
            return in.available();
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    @Override
    public InputStream getInputStream() throws IOException {
        if (tls.isClosed()) {
            throw new SocketException("Socket is closed");
        }
        return input;
    }

    @Override
    public OutputStream getOutputStream() throws IOException {
        return tls.getOutputStream();
    }

    @Override
    public void setSoTimeout(int timeout) throws SocketException {
        tls.setSoTimeout(timeout);
        soTimeout = timeout;
    }

    @Override
    public int getSoTimeout() throws SocketException {
        return tls.getSoTimeout();
    }

    @Override
    public void close() throws IOException {
        tls.close();
    }

    @Override
    public boolean isClosed() {
        return tls.isClosed();
    }

    @Override
    public boolean isConnected() {
        return tls.isConnected();
    }

    @Override
    public boolean isBound() {
        return tls.isBound();
    }

    @Override
    public boolean isInputShutdown() {
        return tls.isInputShutdown();
    }

    @Override
    public boolean isOutputShutdown() {
        return tls.isOutputShutdown();
    }

    @Override
    public void shutdownInput() throws IOException {
        tls.shutdownInput();
    }

    @Override
    public void shutdownOutput() throws IOException {
        tls.shutdownOutput();
    }

    @Override
    public void connect(SocketAddress endpoint) throws IOException {
        throw new SocketException("already connected");
    }

    @Override
    public void connect(SocketAddress endpoint, int timeout) throws IOException {
        throw new SocketException("already connected");
    }

    @Override
    public void bind(SocketAddress bindpoint) throws IOException {
        throw new SocketException("already bound");
    }

    @Override
    public InetAddress getInetAddress() {
        return tls.getInetAddress();
    }

    @Override
    public InetAddress getLocalAddress() {
        return tls.getLocalAddress();
    }

    @Override
    public int getPort() {
        return tls.getPort();
    }

    @Override
    public int getLocalPort() {
        return tls.getLocalPort();
    }

    @Override
    public SocketAddress getRemoteSocketAddress() {
        return tls.getRemoteSocketAddress();
    }

    @Override
    public SocketAddress getLocalSocketAddress() {
        return tls.getLocalSocketAddress();
    }

    @Override
    public void setTcpNoDelay(boolean on) throws SocketException {
        tls.setTcpNoDelay(on);
    }

    @Override
    public boolean getTcpNoDelay() throws SocketException {
        return tls.getTcpNoDelay();
    }

    @Override
    public void setSoLinger(boolean on, int linger) throws SocketException {
        tls.setSoLinger(on, linger);
    }

    @Override
    public int getSoLinger() throws SocketException {
        return tls.getSoLinger();
    }

    @Override
    public void setKeepAlive(boolean on) throws SocketException {
        tls.setKeepAlive(on);
    }

    @Override
    public boolean getKeepAlive() throws SocketException {
        return tls.getKeepAlive();
    }

    @Override
    public void setSendBufferSize(int size) throws SocketException {
        tls.setSendBufferSize(size);
    }

    @Override
    public int getSendBufferSize() throws SocketException {
        return tls.getSendBufferSize();
    }

    @Override
    public void setReceiveBufferSize(int size) throws SocketException {
        tls.setReceiveBufferSize(size);
    }

    @Override
    public int getReceiveBufferSize() throws SocketException {
        return tls.getReceiveBufferSize();
    }

    @Override
    public void setTrafficClass(int tc) throws SocketException {
        tls.setTrafficClass(tc);
    }

    @Override
    public int getTrafficClass() throws SocketException {
        return tls.getTrafficClass();
    }

    @Override
    public void setReuseAddress(boolean on) throws SocketException {
        tls.setReuseAddress(on);
    }

    @Override
    public boolean getReuseAddress() throws SocketException {
        return tls.getReuseAddress();
    }

    @Override
    public void setOOBInline(boolean on) throws SocketException {
        tls.setOOBInline(on);
    }

    @Override
    public boolean getOOBInline() throws SocketException {
        return tls.getOOBInline();
    }

    @Override
    public void sendUrgentData(int data) throws IOException {
        tls.sendUrgentData(data);
    }

    @Override
    public <T> Socket setOption(SocketOption<T> name, T value) throws IOException {
        tls.setOption(name, value);
        return this;
    }

    @Override
    public <T> T getOption(SocketOption<T> name) throws IOException {
        return tls.getOption(name);
    }

    @Override
    public Set<SocketOption<?>> supportedOptions() {
        return tls.supportedOptions();
    }

    @Override
    public String[] getSupportedCipherSuites() {
        return tls.getSupportedCipherSuites();
    }

    @Override
    public String[] getEnabledCipherSuites() {
        return tls.getEnabledCipherSuites();
    }

    @Override
    public void setEnabledCipherSuites(String[] suites) {
        tls.setEnabledCipherSuites(suites);
    }

    @Override
    public String[] getSupportedProtocols() {
        return tls.getSupportedProtocols();
    }

    @Override
    public String[] getEnabledProtocols() {
        return tls.getEnabledProtocols();
    }

    @Override
    public void setEnabledProtocols(String[] protocols) {
        tls.setEnabledProtocols(protocols);
    }

    @Override
    public SSLSession getSession() {
        return tls.getSession();
    }

    @Override
    public SSLSession getHandshakeSession() {
        return tls.getHandshakeSession();
    }

    @Override
    public void addHandshakeCompletedListener(HandshakeCompletedListener listener) {
        tls.addHandshakeCompletedListener(listener);
    }

    @Override
    public void removeHandshakeCompletedListener(HandshakeCompletedListener listener) {
        tls.removeHandshakeCompletedListener(listener);
    }

    @Override
    public void startHandshake() throws IOException {
        tls.startHandshake();
    }

    @Override
    public void setUseClientMode(boolean mode) {
        tls.setUseClientMode(mode);
    }

    @Override
    public boolean getUseClientMode() {
        return tls.getUseClientMode();
    }

    @Override
    public void setNeedClientAuth(boolean need) {
        tls.setNeedClientAuth(need);
    }

    @Override
    public boolean getNeedClientAuth() {
        return tls.getNeedClientAuth();
    }

    @Override
    public void setWantClientAuth(boolean want) {
        tls.setWantClientAuth(want);
    }

    @Override
    public boolean getWantClientAuth() {
        return tls.getWantClientAuth();
    }

    @Override
    public void setEnableSessionCreation(boolean flag) {
        tls.setEnableSessionCreation(flag);
    }

    @Override
    public boolean getEnableSessionCreation() {
        return tls.getEnableSessionCreation();
    }

    @Override
    public SSLParameters getSSLParameters() {
        return tls.getSSLParameters();
    }

    @Override
    public void setSSLParameters(SSLParameters params) {
        tls.setSSLParameters(params);
    }

    @Override
    public String getApplicationProtocol() {
        return tls.getApplicationProtocol();
    }

    @Override
    public String getHandshakeApplicationProtocol() {
        return tls.getHandshakeApplicationProtocol();
    }

    @Override
    public void setHandshakeApplicationProtocolSelector(BiFunction<SSLSocket, List<String>, String> selector) {
        tls.setHandshakeApplicationProtocolSelector(selector);
    }

    @Override
    public BiFunction<SSLSocket, List<String>, String> getHandshakeApplicationProtocolSelector() {
        return tls.getHandshakeApplicationProtocolSelector();
    }

    @Override
    public String toString() {
        return "KeptAliveTlsSocket[" + tls + "]";
    }
}
