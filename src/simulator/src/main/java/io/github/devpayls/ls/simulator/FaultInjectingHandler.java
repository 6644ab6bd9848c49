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
import org.eclipse.jetty.util.thread.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sits in front of CXF: reads each SOAP request's whole body without holding a thread while it
 * arrives (bounded in size and in time, so slow uploads cannot starve the pool), then carries out
 * the injected fault, if any, with raw control of the HTTP exchange. Faults that need no answer
 * from the model answer themselves; the others let CXF answer into a buffer, then send that answer
 * spoiled. Every wait ends when the simulator closes, so hanging and trickling requests never
 * outlive it.
 */
final class FaultInjectingHandler extends Handler.Wrapper {

    private static final Logger LOG = LoggerFactory.getLogger(FaultInjectingHandler.class);
    private static final String XML_CONTENT_TYPE = "text/xml; charset=UTF-8";
    private static final String HTML_CONTENT_TYPE = "text/html; charset=UTF-8";
    private static final Pattern ENVELOPE_START = Pattern.compile("<(?:([A-Za-z_][\\w.-]*):)?Envelope\\b[^>]*>");

    /** What to do with one request whose body has been read. */
    private interface Plan {
        void carryOut(Request request, Response response, Callback callback) throws Exception;
    }

    /** A way to send the model's buffered answer. */
    private interface Spoiler {
        void send(Request request, Response response, byte[] answer, Callback callback) throws IOException;
    }

    /** A way to answer without the model. */
    private interface Answer {
        void send(Request request, Response response, Callback callback);
    }

    private final SeededFaultInjector faults;
    private final LicenseServiceModel model;
    private final CountDownLatch closing;
    private final AtomicInteger requestCount = new AtomicInteger();
    private final Plans plans = new Plans();
    private final Set<ContractAddition> alwaysAdded;

    FaultInjectingHandler(Handler cxf, SeededFaultInjector faults, LicenseServiceModel model, CountDownLatch closing,
            Set<ContractAddition> alwaysAdded) {
        super(cxf);
        this.alwaysAdded = Set.copyOf(alwaysAdded);
        this.faults = faults;
        this.model = model;
        this.closing = closing;
    }

    int requestCount() {
        return requestCount.get();
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        // Every SOAP or REST-Query call counts and may be spoiled; GETs of the WSDL do not.
        if (!HttpMethod.POST.is(request.getMethod()) && !RestQueryHandler.isRestQuery(request)) {
            return passOn(request, response, callback);
        }
        requestCount.incrementAndGet();
        Optional<InjectedFault> fault = faults.nextFault();
        Plan plan = fault.map(f -> f.accept(plans)).orElse(this::answerNormally);
        new BodyReader(request, response, callback, plan).start();
        return true;
    }

    private boolean passOn(Request request, Response response, Callback callback) {
        try {
            return super.handle(request, response, callback);
        } catch (Exception e) {
            callback.failed(e);
            return true;
        }
    }

    /** The model's answer; in future-contract mode grown by every addition. */
    private void answerNormally(Request request, Response response, Callback callback) {
        if (alwaysAdded.isEmpty()) {
            answerFromModel(request, response, callback);
        } else {
            answerFromModel(request, new BufferedAnswer(request, response,
                    (req, resp, answer, done) -> sendSpoiled(resp, answer, done)), callback);
        }
    }

    private void answerFromModel(Request request, Response response, Callback callback) {
        if (!passOn(request, response, callback)) {
            Response.writeError(request, response, callback, HttpStatus.NOT_FOUND_404);
        }
    }

    /** The plan of each kind of fault; the compiler sees that every kind has one. */
    private final class Plans implements InjectedFault.Cases<Plan> {

        @Override
        public Plan throttle(InjectedFault.Throttle throttle) {
            return alone((request, response, callback) -> {
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
            });
        }

        @Override
        public Plan delay(InjectedFault.Delay delay) {
            return (request, response, callback) -> {
                if (pause(delay.delay())) {
                    answerNormally(request, response, callback);
                } else {
                    abort(request, callback);
                }
            };
        }

        @Override
        public Plan hang(InjectedFault.Hang hang) {
            return alone((request, response, callback) -> {
                awaitClosing();
                abort(request, callback);
            });
        }

        @Override
        public Plan dropConnection(InjectedFault.DropConnection drop) {
            return alone((request, response, callback) -> abort(request, callback));
        }

        @Override
        public Plan closeMidBody(InjectedFault.CloseMidBody closeMidBody) {
            return spoiled((request, response, answer, callback) -> {
                response.getHeaders().put(HttpHeader.CONTENT_LENGTH, answer.length);
                writeBlocking(response, false, Arrays.copyOf(answer, answer.length / 2));
                abort(request, callback);
            });
        }

        @Override
        public Plan trickle(InjectedFault.Trickle trickle) {
            return spoiled((request, response, answer, callback) ->
                    FaultInjectingHandler.this.trickle(request, response, answer, trickle.perByte(), callback));
        }

        @Override
        public Plan rawResponse(InjectedFault.RawResponse raw) {
            return alone((request, response, callback) ->
                    send(response, raw.status(), raw.contentType().orElse(null), raw.body(), callback));
        }

        @Override
        public Plan html(InjectedFault.Html html) {
            return alone((request, response, callback) ->
                    send(response, html.status(), HTML_CONTENT_TYPE, htmlPage(html.status()), callback));
        }

        @Override
        public Plan nonXml(InjectedFault.NonXml nonXml) {
            return alone((request, response, callback) ->
                    send(response, HttpStatus.OK_200, XML_CONTENT_TYPE, SimulatorFacts.NON_XML_BODY, callback));
        }

        @Override
        public Plan truncatedXml(InjectedFault.TruncatedXml truncated) {
            return spoiled((request, response, answer, callback) ->
                    sendSpoiled(response, Arrays.copyOf(answer, answer.length / 2), callback));
        }

        @Override
        public Plan oversized(InjectedFault.Oversized oversized) {
            return spoiled((request, response, answer, callback) -> sendSpoiled(response,
                    pad(new String(answer, StandardCharsets.UTF_8), oversized.bytes()).getBytes(StandardCharsets.UTF_8),
                    callback));
        }

        @Override
        public Plan doctype(InjectedFault.Doctype doctype) {
            return alone((request, response, callback) ->
                    send(response, HttpStatus.OK_200, XML_CONTENT_TYPE, doctype.doctypeAndBody(), callback));
        }

        @Override
        public Plan missingCredential(InjectedFault.MissingCredential missing) {
            return spoiled((request, response, answer, callback) ->
                    sendSpoiled(response, replaceCredential(answer, missing.part(), null), callback));
        }

        @Override
        public Plan emptyCredential(InjectedFault.EmptyCredential empty) {
            return spoiled((request, response, answer, callback) ->
                    sendSpoiled(response, replaceCredential(answer, empty.part(), value -> ""), callback));
        }

        @Override
        public Plan malformedCredential(InjectedFault.MalformedCredential malformed) {
            return spoiled((request, response, answer, callback) ->
                    sendSpoiled(response, replaceCredential(answer, malformed.part(), FaultInjectingHandler::spaceInside),
                            callback));
        }

        @Override
        public Plan futureContract(InjectedFault.FutureContract future) {
            return spoiled((request, response, answer, callback) ->
                    sendSpoiled(response, ContractGrowth.grow(answer, future.additions()), callback));
        }

        /** The model answers; the spoiler sends that answer spoiled. */
        private Plan spoiled(Spoiler spoiler) {
            return (request, response, callback) ->
                    answerFromModel(request, new BufferedAnswer(request, response, spoiler), callback);
        }

        /** The fault answers without the model (the body has been read, as a real server would). */
        private Plan alone(Answer answer) {
            return answer::send;
        }
    }

    /**
     * Reads a request's whole body by demand callbacks, so no thread waits while a client sends it
     * slowly, then carries out the plan on a request that serves the buffered body. A body that
     * takes longer than {@link SimulatorFacts#REQUEST_BODY_DEADLINE} closes the connection; one
     * larger than {@link SimulatorFacts#MAX_REQUEST_BODY_BYTES} is refused with a fault.
     */
    private final class BodyReader implements Runnable {

        private final Request request;
        private final Response response;
        private final Callback callback;
        private final Plan plan;
        private final ByteArrayOutputStream body = new ByteArrayOutputStream();
        private final AtomicBoolean finished = new AtomicBoolean();
        private Scheduler.Task deadline;

        BodyReader(Request request, Response response, Callback callback, Plan plan) {
            this.request = request;
            this.response = response;
            this.callback = callback;
            this.plan = plan;
        }

        void start() {
            deadline = request.getComponents().getScheduler().schedule(this::deadlinePassed,
                    SimulatorFacts.REQUEST_BODY_DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
            run();
        }

        @Override
        public void run() {
            while (!finished.get()) {
                Content.Chunk chunk = request.read();
                if (chunk == null) {
                    request.demand(this);
                    return;
                }
                if (Content.Chunk.isFailure(chunk)) {
                    // The client went away (or the deadline closed it): there is no one to answer.
                    if (finish()) {
                        callback.failed(chunk.getFailure());
                    }
                    return;
                }
                ByteBuffer bytes = chunk.getByteBuffer();
                if (body.size() + bytes.remaining() > SimulatorFacts.MAX_REQUEST_BODY_BYTES) {
                    chunk.release();
                    if (finish()) {
                        refuseTooLarge();
                    }
                    return;
                }
                byte[] copy = new byte[bytes.remaining()];
                bytes.get(copy);
                body.writeBytes(copy);
                boolean last = chunk.isLast();
                chunk.release();
                if (last) {
                    if (finish()) {
                        carryOut();
                    }
                    return;
                }
            }
        }

        /** @return {@code true} for the one caller that ends this read */
        private boolean finish() {
            if (!finished.compareAndSet(false, true)) {
                return false;
            }
            deadline.cancel();
            return true;
        }

        private void carryOut() {
            try {
                plan.carryOut(new BufferedRequest(request, body.toByteArray()), response, callback);
            } catch (Exception e) {
                callback.failed(e);
            }
        }

        private void deadlinePassed() {
            if (finish()) {
                LOG.debug("request body from {} not received within {}; connection closed",
                        request.getConnectionMetaData().getRemoteSocketAddress(), SimulatorFacts.REQUEST_BODY_DEADLINE);
                abort(request, callback);
            }
        }

        private void refuseTooLarge() {
            LOG.debug("request body from {} larger than {} bytes; refused",
                    request.getConnectionMetaData().getRemoteSocketAddress(), SimulatorFacts.MAX_REQUEST_BODY_BYTES);
            // The rest of the body is not read, so the connection cannot be reused.
            response.getHeaders().put(HttpHeader.CONNECTION, "close");
            ErrorCode code = SimulatorFacts.MALFORMED_REQUEST_CODE;
            send(response, code.soapHttpStatus(), XML_CONTENT_TYPE, AwsSoapFault.envelope(code,
                    String.format(SimulatorFacts.MESSAGE_INVALID_REQUEST, SimulatorFacts.MESSAGE_BODY_TOO_LARGE),
                    model.newRequestId()), callback);
        }
    }

    /** The request with its body already read: CXF and the faults read it from memory. */
    private static final class BufferedRequest extends Request.Wrapper {

        private final ByteBuffer body;
        private boolean served;

        BufferedRequest(Request wrapped, byte[] body) {
            super(wrapped);
            this.body = ByteBuffer.wrap(body);
        }

        @Override
        public synchronized Content.Chunk read() {
            if (served) {
                return Content.Chunk.EOF;
            }
            served = true;
            return Content.Chunk.from(body, true);
        }

        @Override
        public void demand(Runnable demandCallback) {
            // The whole body is here: content is always available.
            demandCallback.run();
        }

        @Override
        public void fail(Throwable failure) {
            // Nothing is pending: the body was read before this request was handed on.
        }
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

    /**
     * Sends a spoiled body with the model's status and headers, its length corrected; in
     * future-contract mode grown first, so a spoiled credential also arrives in a grown answer.
     */
    private void sendSpoiled(Response response, byte[] spoiled, Callback callback) {
        byte[] body = ContractGrowth.grow(spoiled, alwaysAdded);
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

    /** @return the value with a space in its middle: whitespace inside a credential breaks its shape */
    private static String spaceInside(String value) {
        String stripped = value.strip();
        return stripped.substring(0, stripped.length() / 2) + " " + stripped.substring(stripped.length() / 2);
    }

    /** Removes ({@code replacement} {@code null}) or replaces the text of one credential element. */
    private static byte[] replaceCredential(byte[] answer, CredentialPart part, UnaryOperator<String> replacement) {
        Pattern element = Pattern.compile("<((?:[A-Za-z_][\\w.-]*:)?)" + part.elementName()
                + "(\\s[^>]*)?>([^<]*)</\\1" + part.elementName() + ">");
        Matcher matcher = element.matcher(new String(answer, StandardCharsets.UTF_8));
        if (!matcher.find()) {
            return answer;
        }
        String spoiled = replacement == null ? "" : "<" + matcher.group(1) + part.elementName()
                + (matcher.group(2) == null ? "" : matcher.group(2)) + ">" + replacement.apply(matcher.group(3))
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
