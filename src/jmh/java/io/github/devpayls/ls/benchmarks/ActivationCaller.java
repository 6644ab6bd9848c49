package io.github.devpayls.ls.benchmarks;

/** One way to call ActivateDesktopProduct, built once and then called many times, from any thread. */
interface ActivationCaller extends AutoCloseable {

    /**
     * Makes one call.
     *
     * @return what the caller got back (consumed by the benchmark so nothing is optimised away)
     * @throws Exception when the call fails
     */
    Object activate() throws Exception;

    /**
     * Makes one call and fails unless it issued a credential set: a benchmark that measured the
     * error path would be worthless.
     *
     * @throws Exception when the call fails or is refused
     */
    void activateOnceOrFail() throws Exception;

    /** Releases the caller's connections. */
    @Override
    void close();
}
