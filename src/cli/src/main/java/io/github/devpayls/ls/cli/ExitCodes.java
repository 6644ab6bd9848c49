package io.github.devpayls.ls.cli;

/**
 * The exit statuses of {@code devpay-ls}, one per kind of outcome, so scripts can tell "ask the
 * customer" from "try again later" from "fix the configuration" without parsing text.
 */
final class ExitCodes {

    /** The command did what was asked (activated, usable set, demo finished). */
    static final int OK = 0;
    /** A defect: an unexpected exception (its class and message are printed, never a secret). */
    static final int INTERNAL_ERROR = 1;
    /** Bad arguments, input or configuration: nothing was sent (picocli's own usage errors use 2 too). */
    static final int INVALID_INPUT = 2;
    /**
     * The service rejected the call, {@code status} found no usable set, or {@code verify} (or
     * {@code activate --wait-for-subscription}) found the customer not (yet) subscribed: not ready for S3.
     */
    static final int ACTION_NEEDED = 3;
    /** The service stayed throttled or unavailable through every retry: try again later. */
    static final int SERVICE_UNAVAILABLE = 4;
    /** No usable answer: connection, TLS, timeout, or an answer that broke the protocol. */
    static final int NO_ANSWER = 5;
    /** The service issued a set but it could not be stored; the previous set, if any, is unchanged. */
    static final int STORE_FAILED = 6;
    /** Ctrl-C (SIGINT): 128 + 2, set by the JVM; {@code activate} prints the outcome and leaves the store unchanged. */
    static final int INTERRUPTED = 130;

    /** The exit-code section of {@code --help} of the commands that talk to a store or service. */
    static java.util.Map<String, String> help() {
        java.util.Map<String, String> help = new java.util.LinkedHashMap<>();
        help.put(Integer.toString(OK), "success");
        help.put(Integer.toString(INTERNAL_ERROR), "internal error (a defect)");
        help.put(Integer.toString(INVALID_INPUT), "invalid input or configuration; nothing was sent");
        help.put(Integer.toString(ACTION_NEEDED), "action needed: rejected, no usable set, or not subscribed (yet)");
        help.put(Integer.toString(SERVICE_UNAVAILABLE), "service unavailable (throttled); try again later");
        help.put(Integer.toString(NO_ANSWER), "transport or protocol failure (network, TLS, timeout, bad answer)");
        help.put(Integer.toString(STORE_FAILED), "credentials issued but not stored; the old set is kept");
        help.put(Integer.toString(INTERRUPTED), "interrupted (Ctrl-C); the stored set is unchanged");
        return help;
    }

    private ExitCodes() {
    }
}
