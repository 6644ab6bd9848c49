package io.github.devpayls.ls.simulator;

import io.github.devpayls.ls.contract.AwsSoapFault;
import io.github.devpayls.ls.contract.ErrorCode;
import io.github.devpayls.ls.contract.RestErrorResponse;

import io.github.devpayls.ls.contract.LicenseServiceFacts;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Blocker;
import org.eclipse.jetty.util.Callback;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sits in front of CXF and carries out injected faults with raw control of the HTTP exchange.
 * Faults that need no answer from the model read the whole request and answer themselves; the
 * others let CXF answer into a buffer, then send that answer spoiled. Every wait ends when the
 * simulator closes, so hanging and trickling requests never outlive it.
 */
final class FaultInjectingHandler extends Handler.Wrapper {

    private static final String XML_CONTENT_TYPE = "text/xml; charset=UTF-8";
    private static final String HTML_CONTENT_TYPE = "text/html; charset=UTF-8";
    private static final Pattern ENVELOPE_START = Pattern.compile("<(?:([A-Za-z_][\\w.-]*):)?Envelope\\b[^>]*>");

    /** A way to send the model's buffered answer. */
    private interface Spoiler {
        void send(Request request, Response response, byte[] answer, Callback callback) throws IOException;
    }

    private final SeededFaultInjector faults;
    private final LicenseServiceModel model;
    private final CountDownLatch closing;
    private final AtomicInteger requestCount = new AtomicInteger();

    FaultInjectingHandler(Handler cxf, SeededFaultInjector faults, LicenseServiceModel model, CountDownLatch closing) {
        super(cxf);
        this.faults = faults;
        this.model = model;
        this.closing = closing;
    }

    int requestCount() {
        return requestCount.get();
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        // Every SOAP or REST-Query call counts and may be spoiled; GETs of the WSDL do not.
        if (!HttpMethod.POST.is(request.getMethod()) && !RestQueryHandler.isRestQuery(request)) {
            return super.handle(request, response, callback);
        }
        requestCount.incrementAndGet();
        Optional<InjectedFault> next = faults.nextFault();
        if (next.isEmpty()) {
            return super.handle(request, response, callback);
        }
        InjectedFault fault = next.get();
        if (fault instanceof InjectedFault.Delay delay) {
            if (pause(delay.delay())) {
                return super.handle(request, response, callback);
            }
            abort(request, callback);
            return true;
        }
        Spoiler spoiler = spoiler(fault);
        if (spoiler != null) {
            return super.handle(request, new BufferedAnswer(request, response, spoiler), callback);
        }
        // The rest answer without the model: read the request first, as a real server would.
        Content.Source.consumeAll(request);
        answerAlone(fault, request, response, callback);
        return true;
    }

    private void answerAlone(InjectedFault fault, Request request, Response response, Callback callback) {
        if (fault instanceof InjectedFault.Throttle throttle) {
            throttle.retryAfter().ifPresent(retryAfter -> response.getHeaders().put(HttpHeader.RETRY_AFTER,
                    Long.toString(ceilSeconds(retryAfter))));
            switch (throttle.body()) {
                case SOAP_FAULT -> send(response, LicenseServiceFacts.THROTTLED_HTTP_STATUS, XML_CONTENT_TYPE,
                        RestQueryHandler.isRestQuery(request) ? throttledRestError(model.newRequestId())
                                : throttledFault(model.newRequestId()), callback);
                case HTML -> send(response, LicenseServiceFacts.THROTTLED_HTTP_STATUS, HTML_CONTENT_TYPE,
                        htmlPage(LicenseServiceFacts.THROTTLED_HTTP_STATUS), callback);
                case EMPTY -> send(response, LicenseServiceFacts.THROTTLED_HTTP_STATUS, null, "", callback);
            }
        } else if (fault instanceof InjectedFault.Hang) {
            awaitClosing();
            abort(request, callback);
        } else if (fault instanceof InjectedFault.DropConnection) {
            abort(request, callback);
        } else if (fault instanceof InjectedFault.RawResponse raw) {
            send(response, raw.status(), raw.contentType().orElse(null), raw.body(), callback);
        } else if (fault instanceof InjectedFault.Html html) {
            send(response, html.status(), HTML_CONTENT_TYPE, htmlPage(html.status()), callback);
        } else if (fault instanceof InjectedFault.NonXml) {
            send(response, HttpStatus.OK_200, XML_CONTENT_TYPE, SimulatorFacts.NON_XML_BODY, callback);
        } else if (fault instanceof InjectedFault.Doctype doctype) {
            send(response, HttpStatus.OK_200, XML_CONTENT_TYPE, doctype.doctypeAndBody(), callback);
        } else {
            callback.failed(new IllegalStateException("fault not handled: " + fault));
        }
    }

    /** The spoiler for faults that spoil the model's answer; {@code null} for the others. */
    private Spoiler spoiler(InjectedFault fault) {
        if (fault instanceof InjectedFault.CloseMidBody) {
            return (request, response, answer, callback) -> {
                response.getHeaders().put(HttpHeader.CONTENT_LENGTH, answer.length);
                writeBlocking(response, false, Arrays.copyOf(answer, answer.length / 2));
                abort(request, callback);
            };
        }
        if (fault instanceof InjectedFault.Trickle trickle) {
            return (request, response, answer, callback) -> trickle(request, response, answer, trickle.perByte(),
                    callback);
        }
        if (fault instanceof InjectedFault.TruncatedXml) {
            return (request, response, answer, callback) -> sendSpoiled(response,
                    Arrays.copyOf(answer, answer.length / 2), callback);
        }
        if (fault instanceof InjectedFault.Oversized oversized) {
            return (request, response, answer, callback) -> sendSpoiled(response,
                    pad(new String(answer, StandardCharsets.UTF_8), oversized.bytes()).getBytes(StandardCharsets.UTF_8),
                    callback);
        }
        if (fault instanceof InjectedFault.MissingCredential missing) {
            return (request, response, answer, callback) -> sendSpoiled(response,
                    replaceCredential(answer, missing.part(), null), callback);
        }
        if (fault instanceof InjectedFault.EmptyCredential empty) {
            return (request, response, answer, callback) -> sendSpoiled(response,
                    replaceCredential(answer, empty.part(), ""), callback);
        }
        return null;
    }

    private void trickle(Request request, Response response, byte[] answer, Duration perByte, Callback callback)
            throws IOException {
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, answer.length);
        for (int offset = 0; offset < answer.length; offset += SimulatorFacts.TRICKLE_CHUNK_BYTES) {
            if (!pause(perByte)) {
                abort(request, callback);
                return;
            }
            int end = Math.min(answer.length, offset + SimulatorFacts.TRICKLE_CHUNK_BYTES);
            writeBlocking(response, end == answer.length, Arrays.copyOfRange(answer, offset, end));
        }
        callback.succeeded();
    }

    /** Sends a spoiled body with the model's status and headers, its length corrected. */
    private static void sendSpoiled(Response response, byte[] body, Callback callback) {
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, ByteBuffer.wrap(body), callback);
    }

    private static void send(Response response, int status, String contentType, String body, Callback callback) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        if (contentType != null) {
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
        }
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, bytes.length);
        response.write(true, ByteBuffer.wrap(bytes), callback);
    }

    private static void writeBlocking(Response response, boolean last, byte[] bytes) throws IOException {
        try (Blocker.Callback blocker = Blocker.callback()) {
            response.write(last, ByteBuffer.wrap(bytes), blocker);
            blocker.block();
        }
    }

    /** Closes the connection under the request: the client sees it end without (more of) a response. */
    private static void abort(Request request, Callback callback) {
        request.getConnectionMetaData().getConnection().getEndPoint().close();
        // Succeeding (not failing) keeps Jetty from logging the deliberate close as an error;
        // it cannot send anything more on the closed connection anyway.
        callback.succeeded();
    }

    /** @return {@code true} when the whole pause passed, {@code false} when the simulator is closing */
    private boolean pause(Duration duration) {
        try {
            return !closing.await(duration.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void awaitClosing() {
        try {
            closing.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static long ceilSeconds(Duration duration) {
        long seconds = duration.getSeconds();
        return duration.getNano() > 0 ? seconds + 1 : seconds;
    }

    private static String throttledFault(String requestId) {
        return AwsSoapFault.envelope(ErrorCode.REQUEST_THROTTLED, SimulatorFacts.MESSAGE_THROTTLED, requestId);
    }

    /** A REST-Query caller is throttled in its own format, an {@code ErrorResponse}. */
    private static String throttledRestError(String requestId) {
        return RestErrorResponse.xml(ErrorCode.REQUEST_THROTTLED, SimulatorFacts.MESSAGE_THROTTLED, requestId);
    }

    private static String htmlPage(int status) {
        String title = status + " " + HttpStatus.getMessage(status);
        return "<!DOCTYPE html>\n<html><head><title>" + title + "</title></head><body><h1>" + title
                + "</h1><p>The simulator was told to answer with this page.</p></body></html>\n";
    }

    /** Adds a SOAP header of padding elements so the envelope grows to about {@code bytes}. */
    private static String pad(String envelope, int bytes) {
        Matcher start = ENVELOPE_START.matcher(envelope);
        if (!start.find()) {
            return envelope;
        }
        String prefix = start.group(1) == null ? "" : start.group(1) + ":";
        int missing = Math.max(0, bytes - envelope.length());
        String element = "<sim:Padding>" + "x".repeat(SimulatorFacts.PADDING_ELEMENT_CHARS) + "</sim:Padding>";
        String header = "<" + prefix + "Header xmlns:sim=\"" + SimulatorFacts.SIMULATOR_NAMESPACE + "\">"
                + element.repeat(Math.max(1, missing / element.length())) + "</" + prefix + "Header>";
        return envelope.substring(0, start.end()) + header + envelope.substring(start.end());
    }

    /** Removes ({@code replacement} {@code null}) or replaces the text of one credential element. */
    private static byte[] replaceCredential(byte[] answer, CredentialPart part, String replacement) {
        Pattern element = Pattern.compile("<((?:[A-Za-z_][\\w.-]*:)?)" + part.elementName()
                + "(\\s[^>]*)?>[^<]*</\\1" + part.elementName() + ">");
        Matcher matcher = element.matcher(new String(answer, StandardCharsets.UTF_8));
        if (!matcher.find()) {
            return answer;
        }
        String spoiled = replacement == null ? "" : "<" + matcher.group(1) + part.elementName()
                + (matcher.group(2) == null ? "" : matcher.group(2)) + ">" + replacement
                + "</" + matcher.group(1) + part.elementName() + ">";
        return (matcher.replaceFirst(Matcher.quoteReplacement(spoiled))).getBytes(StandardCharsets.UTF_8);
    }

    /** Collects the model's answer instead of sending it, then lets the spoiler send it. */
    private static final class BufferedAnswer extends Response.Wrapper {

        private final Spoiler spoiler;
        private final ByteArrayOutputStream answer = new ByteArrayOutputStream();

        BufferedAnswer(Request request, Response wrapped, Spoiler spoiler) {
            super(request, wrapped);
            this.spoiler = spoiler;
        }

        @Override
        public void write(boolean last, ByteBuffer content, Callback callback) {
            if (content != null && content.hasRemaining()) {
                byte[] bytes = new byte[content.remaining()];
                content.get(bytes);
                answer.writeBytes(bytes);
            }
            if (!last) {
                callback.succeeded();
                return;
            }
            try {
                spoiler.send(getRequest(), getWrapped(), answer.toByteArray(), callback);
            } catch (IOException | RuntimeException e) {
                callback.failed(e);
            }
        }
    }
}
