package io.github.devpayls.ls.simulator;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The fault script of one simulator: a queue of next faults, then seeded fractional ones. */
final class SeededFaultInjector implements FaultInjector {

    private record FractionalFault(double fraction, InjectedFault fault) {
    }

    private final SeededValues random;
    private final Deque<InjectedFault> queued = new ArrayDeque<>();
    private final List<FractionalFault> fractional = new ArrayList<>();

    SeededFaultInjector(SeededValues random) {
        this.random = random;
    }

    @Override
    public synchronized void injectNext(int calls, InjectedFault fault) {
        Objects.requireNonNull(fault, "fault");
        if (calls < 1) {
            throw new IllegalArgumentException("calls must be at least 1: " + calls);
        }
        for (int i = 0; i < calls; i++) {
            queued.addLast(fault);
        }
    }

    @Override
    public synchronized void injectFraction(double fraction, InjectedFault fault) {
        Objects.requireNonNull(fault, "fault");
        double total = fractional.stream().mapToDouble(FractionalFault::fraction).sum() + fraction;
        if (!(fraction >= 0 && fraction <= 1) || total > 1) {
            throw new IllegalArgumentException("fractions must lie in [0, 1] and sum to at most 1: " + fraction);
        }
        fractional.add(new FractionalFault(fraction, fault));
    }

    @Override
    public synchronized void clear() {
        queued.clear();
        fractional.clear();
    }

    /** The fault for the request now arriving, if any. */
    synchronized Optional<InjectedFault> nextFault() {
        if (!queued.isEmpty()) {
            return Optional.of(queued.removeFirst());
        }
        if (fractional.isEmpty()) {
            return Optional.empty();
        }
        // One draw per request, whichever fractions are set, keeps the sequence reproducible.
        double draw = random.fraction();
        double bound = 0;
        for (FractionalFault candidate : fractional) {
            bound += candidate.fraction();
            if (draw < bound) {
                return Optional.of(candidate.fault());
            }
        }
        return Optional.empty();
    }
}
