package io.github.devpayls.ls.simulator;

/**
 * Scripts misbehaviour of one simulator. Faults apply to SOAP requests (HTTP POST) and REST-Query
 * requests (GET or POST; a throttled one gets a REST {@code ErrorResponse}); WSDL and XSD fetches
 * are never faulted. Queued faults ({@link #injectNext}) are used first, in order; a
 * request that takes none of them may take a fractional fault, drawn from the simulator's seeded
 * random source, so a run with the same seed and the same request order faults the same requests.
 */
public interface FaultInjector {

    /**
     * Gives the next {@code calls} requests the fault, after any faults queued before.
     *
     * @param calls how many requests; at least 1
     * @param fault the fault
     */
    void injectNext(int calls, InjectedFault fault);

    /**
     * Gives that fraction of the requests (those not taking a queued fault) the fault. Several
     * fractions may be active at once; their sum must not exceed 1.
     *
     * @param fraction between 0 and 1
     * @param fault    the fault
     */
    void injectFraction(double fraction, InjectedFault fault);

    /** Removes every queued and fractional fault; requests already being faulted go on. */
    void clear();
}
