package io.github.devpayls.ls;

import io.github.devpayls.ls.contract.LicenseServiceFacts;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;

/**
 * The one scripted peer of the client's tests: a loopback TCP server on an ephemeral port (bound,
 * never probed) whose every connection is handled by a script. {@link #http()} scripts whole HTTP
 * answers (the CXF wiring without the simulator); {@link #plain} and {@link #tls} script the raw
 * connection, for the failures a real HTTP server never produces on purpose: a reset, silence, a
 * body without end, a TLS server with a broken certificate. Records what arrived, and closes every
 * socket it accepted on close.
 */
public final class ScriptedPeer implements AutoCloseable {

    /**
     * How long {@link #awaitHandlers()} waits for the scripts to end: a liveness wait for an event
     * that normally comes at once, not a measure of speed.
     */
    public static final Duration HANDLER_WAIT = Duration.ofSeconds(30);

    /** What to do with one accepted connection. */
    @FunctionalInterface
    public interface Script {
        /**
         * @param socket the accepted connection, closed after the script returns
         * @param in     its input
         * @param out    its output
         * @throws IOException          when the connection fails
         * @throws InterruptedException when the peer is closed while the script waits
         */
        void handle(Socket socket, InputStream in, OutputStream out) throws IOException, InterruptedException;
    }

    /**
     * One canned HTTP answer of an {@link #http()} peer.
     *
     * @param status      the HTTP status
     * @param contentType the Content-Type, or {@code null} for none
     * @param body        the body
     * @param headers     further headers, name and value
     * @param perByte     a positive pace sends the body one byte at a time, that long apart
     */
    public record Reply(int status, String contentType, String body, List<String[]> headers, Duration perByte) {
        /** An answer sent at once. */
        public Reply(int status, String contentType, String body, List<String[]> headers) {
            this(status, contentType, body, headers, Duration.ZERO);
        }

        /** @return an XML answer with the given headers (name, value, name, value, ...) */
        public static Reply xml(int status, String body, String... headerPairs) {
            List<String[]> headers = new ArrayList<>();
            for (int i = 0; i + 1 < headerPairs.length; i += 2) {
                headers.add(new String[] {headerPairs[i], headerPairs[i + 1]});
            }
            return new Reply(status, "text/xml; charset=UTF-8", body, headers);
        }
    }

    private final ServerSocket server;
    private final Thread acceptor;
    private final AtomicInteger accepted = new AtomicInteger();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final List<Thread> handlers = new CopyOnWriteArrayList<>();
    private final List<Throwable> handlerFailures = new CopyOnWriteArrayList<>();
    private final String scheme;
    private final Deque<Function<String, Reply>> replies = new ArrayDeque<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private volatile Function<String, Reply> fallback;
    private final int maxConnections;

    private ScriptedPeer(ServerSocket server, String scheme, Script script) {
        this(server, scheme, script, Integer.MAX_VALUE);
    }

    private ScriptedPeer(ServerSocket server, String scheme, Script script, int maxConnections) {
        this.server = server;
        this.scheme = scheme;
        this.maxConnections = maxConnections;
        Script effective = script == null ? this::answerHttp : script;
        this.acceptor = new Thread(() -> acceptLoop(effective), "scripted-peer-" + server.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** @return a plain-HTTP peer answering each request with the next {@link #then} reply, else {@link #always} */
    public static ScriptedPeer http() throws IOException {
        return new ScriptedPeer(loopbackSocket(), "http", null);
    }

    /** @return a plain TCP peer running the script on each connection */
    public static ScriptedPeer plain(Script script) throws IOException {
        return new ScriptedPeer(loopbackSocket(), "http", script);
    }

    /**
     * A plain TCP peer that accepts one connection only and then stops listening, so that any
     * second connection the client makes on its own (the JDK resending a POST) meets "connection
     * refused", as a real service behind a restarting balancer can.
     *
     * @return the peer
     */
    public static ScriptedPeer plainOnce(Script script) throws IOException {
        return new ScriptedPeer(loopbackSocket(), "http", script, 1);
    }

    /** @return a TLS peer with the given server context; handshake problems end the connection */
    public static ScriptedPeer tls(SSLContext context, Script script) throws IOException {
        SSLServerSocket socket = (SSLServerSocket) context.getServerSocketFactory()
                .createServerSocket(0, 50, InetAddress.getLoopbackAddress());
        return new ScriptedPeer(socket, "https", script);
    }

    /** @return a TLS peer like {@link #tls} that, like {@link #plainOnce}, accepts one connection only */
    public static ScriptedPeer tlsOnce(SSLContext context, Script script) throws IOException {
        SSLServerSocket socket = (SSLServerSocket) context.getServerSocketFactory()
                .createServerSocket(0, 50, InetAddress.getLoopbackAddress());
        return new ScriptedPeer(socket, "https", script, 1);
    }

    private static ServerSocket loopbackSocket() throws IOException {
        return new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    }

    /** @return {@code http(s)://127.0.0.1:<port>/} */
    public URI endpoint() {
        return URI.create(scheme + "://127.0.0.1:" + server.getLocalPort() + "/");
    }

    /** @return the bound port */
    public int port() {
        return server.getLocalPort();
    }

    /** @return connections accepted so far */
    public int acceptedConnections() {
        return accepted.get();
    }

    /** @return what the scripts threw */
    public List<Throwable> handlerFailures() {
        return handlerFailures;
    }

    /** Queues the answer to the next request of an {@link #http()} peer. */
    public synchronized ScriptedPeer then(Reply reply) {
        replies.add(request -> reply);
        return this;
    }

    /** Answers every request past the queued ones (an {@link #http()} peer). */
    public ScriptedPeer always(Function<String, Reply> answers) {
        fallback = answers;
        return this;
    }

    /** @return HTTP requests answered so far (an {@link #http()} peer) */
    public int requestCount() {
        return requests.size();
    }

    /** @return the bodies of those requests */
    public List<String> requests() {
        return requests;
    }

    /** Waits up to {@link #HANDLER_WAIT} for every connection's script to end; true when all did. */
    public boolean awaitHandlers() throws InterruptedException {
        return awaitHandlers(HANDLER_WAIT.toMillis());
    }

    private boolean awaitHandlers(long millis) throws InterruptedException {
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
            sockets.add(socket);
            if (accepted.incrementAndGet() >= maxConnections) {
                try {
                    server.close();
                } catch (IOException e) {
                    handlerFailures.add(e);
                }
            }
            Thread handler = new Thread(() -> {
                try (socket) {
                    script.handle(socket, socket.getInputStream(), socket.getOutputStream());
                } catch (IOException | InterruptedException | RuntimeException e) {
                    handlerFailures.add(e);
                }
            }, "scripted-peer-connection");
            handler.setDaemon(true);
            handlers.add(handler);
            handler.start();
        }
    }

    /** The {@link #http()} script: keep-alive, one scripted answer per request until the client closes. */
    private void answerHttp(Socket socket, InputStream in, OutputStream out) throws IOException, InterruptedException {
        while (true) {
            String request = readRequest(in);
            int bodyStart = request.indexOf("\r\n\r\n");
            if (bodyStart < 0) {
                return;
            }
            String body = request.substring(bodyStart + 4);
            requests.add(body);
            Function<String, Reply> next;
            synchronized (this) {
                next = replies.poll();
            }
            if (next == null) {
                next = fallback;
            }
            Reply reply = next == null ? Reply.xml(500, "no script") : next.apply(body);
            byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
            List<String> extra = new ArrayList<>();
            for (String[] header : reply.headers()) {
                extra.add(header[0] + ": " + header[1]);
            }
            writeHead(out, reply.status(), reply.contentType(), bytes.length, extra.toArray(String[]::new));
            if (reply.perByte().isZero()) {
                out.write(bytes);
                out.flush();
                continue;
            }
            for (byte b : bytes) {
                out.write(b);
                out.flush();
                Thread.sleep(reply.perByte().toMillis());
            }
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
    public static String readRequest(InputStream in) throws IOException {
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
    public static void awaitClientClose(InputStream in) throws IOException {
        byte[] sink = new byte[1024];
        try {
            while (in.read(sink) >= 0) {
                // discard: only the end matters
            }
        } catch (IOException closed) {
            // reset by the client or closed by close(): the client let go either way
        }
    }

    /** Writes an HTTP/1.1 response head announcing a body of the given length; no Content-Type when null. */
    public static void writeHead(OutputStream out, int status, String contentType, long contentLength,
            String... extraHeaders) throws IOException {
        StringBuilder head = new StringBuilder("HTTP/1.1 ").append(status).append(" X\r\n");
        if (contentType != null) {
            head.append("Content-Type: ").append(contentType).append("\r\n");
        }
        head.append("Content-Length: ").append(contentLength).append("\r\n");
        for (String header : extraHeaders) {
            head.append(header).append("\r\n");
        }
        head.append("\r\n");
        out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    // ---- canned bodies in the service's format ----

    /** @return a success envelope; a {@code null} part is left out */
    public static String success(String userToken, String accessKeyId, String secretKey, String requestId) {
        return envelope("<ActivateDesktopProductResponse xmlns=\"" + LicenseServiceFacts.NAMESPACE + "\">"
                + "<ActivateDesktopProductResult>"
                + (userToken == null ? "" : "<UserToken>" + userToken + "</UserToken>")
                + (accessKeyId == null ? "" : "<AWSAccessKeyId>" + accessKeyId + "</AWSAccessKeyId>")
                + (secretKey == null ? "" : "<SecretAccessKey>" + secretKey + "</SecretAccessKey>")
                + "</ActivateDesktopProductResult>"
                + "<ResponseMetadata><RequestId>" + requestId + "</RequestId></ResponseMetadata>"
                + "</ActivateDesktopProductResponse>");
    }

    /** @return a fault envelope in the service's format; no detail when the request id is {@code null} */
    public static String fault(String code, String message, String requestId) {
        return envelope("<soap:Fault xmlns:aws=\"" + LicenseServiceFacts.AWS_FAULT_NAMESPACE + "\">"
                + "<faultcode>" + code + "</faultcode><faultstring>" + message + "</faultstring>"
                + (requestId == null ? "" : "<detail><aws:RequestId>" + requestId + "</aws:RequestId></detail>")
                + "</soap:Fault>");
    }

    /** @return the body wrapped in a SOAP 1.1 envelope */
    public static String envelope(String body) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body>"
                + body + "</soap:Body></soap:Envelope>";
    }
}
