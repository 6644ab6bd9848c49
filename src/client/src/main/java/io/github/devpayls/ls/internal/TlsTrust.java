package io.github.devpayls.ls.internal;

import io.github.devpayls.ls.InvalidInputException;
import io.github.devpayls.ls.contract.LicenseServiceFacts;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * The client's TLS policy: the certificates it trusts, turned into a TLS context as soon as it is
 * configured (so a bad PEM file or key store fails at build time), and the protocol versions it
 * speaks. Never trust-all: a server the configured CAs do not vouch for fails the handshake.
 */
public final class TlsTrust {

    /**
     * The only TLS versions the client offers, whatever the JVM's settings or a caller's
     * {@link SSLContext} would allow: the contract's floor.
     */
    public static final List<String> PROTOCOLS = LicenseServiceFacts.TLS_PROTOCOLS;

    private final SSLContext sslContext;

    private TlsTrust(SSLContext sslContext) {
        this.sslContext = sslContext;
    }

    /** @return the JDK's default trusted CAs */
    public static TlsTrust jdkDefault() {
        return new TlsTrust(null);
    }

    /**
     * @param sslContext a ready context
     * @return trust through that context
     */
    public static TlsTrust sslContext(SSLContext sslContext) {
        if (sslContext == null) {
            throw new InvalidInputException("sslContext", "is required");
        }
        return new TlsTrust(sslContext);
    }

    /**
     * @param trustStore a loaded key store of trusted certificates
     * @return trust in exactly those certificates
     */
    public static TlsTrust keyStore(KeyStore trustStore) {
        if (trustStore == null) {
            throw new InvalidInputException("trustStore", "is required");
        }
        try {
            if (trustStore.size() == 0) {
                throw new InvalidInputException("trustStore", "must hold at least one certificate");
            }
            return new TlsTrust(contextTrusting(trustStore));
        } catch (GeneralSecurityException e) {
            throw new InvalidInputException("trustStore", "must be a loaded key store of certificates ("
                    + e.getClass().getSimpleName() + ")");
        }
    }

    /**
     * @param pemFile a PEM file of one or more CA certificates
     * @return trust in exactly those certificates
     */
    public static TlsTrust pemFile(Path pemFile) {
        String field = "trustPemCertificates";
        if (pemFile == null) {
            throw new InvalidInputException(field, "is required");
        }
        try (InputStream in = new ByteArrayInputStream(BoundedFiles.read(pemFile, BoundedFiles.PEM_FILE_MAX_BYTES))) {
            Collection<? extends Certificate> certificates =
                    CertificateFactory.getInstance("X.509").generateCertificates(in);
            if (certificates.isEmpty()) {
                throw new InvalidInputException(field, "must hold at least one PEM certificate (" + pemFile + ")");
            }
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int i = 0;
            for (Certificate certificate : certificates) {
                store.setCertificateEntry("ca-" + i++, certificate);
            }
            return new TlsTrust(contextTrusting(store));
        } catch (IOException e) {
            throw new InvalidInputException(field, "must be a readable file (" + pemFile + ": "
                    + e.getClass().getSimpleName() + ")");
        } catch (BoundedFiles.RefusedFileException e) {
            throw new InvalidInputException(field, e.rule());
        } catch (GeneralSecurityException e) {
            throw new InvalidInputException(field, "must hold PEM X.509 certificates (" + pemFile + ")");
        }
    }

    private static SSLContext contextTrusting(KeyStore store) throws GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);
        return context;
    }

    /** @return the context to use, or empty for the JDK default */
    public Optional<SSLContext> context() {
        return Optional.ofNullable(sslContext);
    }

    /**
     * Makes the socket factory a client sends through: the configured context (or the JDK default)
     * with {@link #PROTOCOLS} enforced and TCP_NODELAY set on every socket, its connections able to
     * answer the JDK's keep-alive liveness probe at once ({@link KeptAliveTlsSocket}). Create it once
     * per client and keep it: the JDK reuses keep-alive connections only for the same factory instance.
     *
     * @return the factory
     * @throws IllegalStateException when the JDK has no default TLS context
     */
    public SSLSocketFactory socketFactory() {
        try {
            SSLContext context = sslContext != null ? sslContext : SSLContext.getDefault();
            return new PinnedProtocols(context.getSocketFactory());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no default TLS context", e);
        }
    }

    /**
     * Restricts every socket of a factory to {@link #PROTOCOLS} (those of them it supports), with
     * TCP_NODELAY on.
     */
    private static final class PinnedProtocols extends SSLSocketFactory {

        private final SSLSocketFactory delegate;

        PinnedProtocols(SSLSocketFactory delegate) {
            this.delegate = delegate;
        }

        private Socket pin(Socket socket) throws IOException {
            // The JDK writes a streamed request's head and body in separate writes; with Nagle's
            // algorithm the body would wait for the peer's delayed ACK of the head (tens of ms).
            socket.setTcpNoDelay(true);
            if (socket instanceof SSLSocket tls) {
                List<String> supported = Arrays.asList(tls.getSupportedProtocols());
                tls.setEnabledProtocols(PROTOCOLS.stream().filter(supported::contains).toArray(String[]::new));
            }
            return socket;
        }

        @Override
        public String[] getDefaultCipherSuites() {
            return delegate.getDefaultCipherSuites();
        }

        @Override
        public String[] getSupportedCipherSuites() {
            return delegate.getSupportedCipherSuites();
        }

        /**
         * An unconnected TCP socket backed by a channel: the JDK's HTTPS client connects it and then
         * layers TLS over it through {@link #createSocket(Socket, String, int, boolean)}, which makes
         * it a {@link KeptAliveTlsSocket}.
         */
        @Override
        public Socket createSocket() throws IOException {
            // TCP_NODELAY comes with the TLS layer (pin), which sets it on this socket underneath.
            return SocketChannel.open().socket();
        }

        @Override
        public Socket createSocket(Socket socket, String host, int port, boolean autoClose) throws IOException {
            Socket layered = pin(delegate.createSocket(socket, host, port, autoClose));
            if (socket.getChannel() != null && autoClose && layered instanceof SSLSocket tls) {
                return new KeptAliveTlsSocket(tls, socket.getChannel());
            }
            return layered;
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            return pin(delegate.createSocket(host, port));
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
            return pin(delegate.createSocket(host, port, localHost, localPort));
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            return pin(delegate.createSocket(host, port));
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
                throws IOException {
            return pin(delegate.createSocket(address, port, localAddress, localPort));
        }
    }
}
