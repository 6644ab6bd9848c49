package io.github.devpayls.ls.simulator;

import java.util.EnumSet;
import java.util.Set;

/**
 * One place where a newer License Service could add to a success answer what the 2008-04-28
 * contract does not name (spec, "Contract evolution"), as {@link InjectedFault#futureContract} and
 * {@link LicenseServiceSimulator.Builder#futureContract} add it. Answers without a result (faults,
 * {@code ErrorResponse}s) are never grown.
 */
public enum ContractAddition {
    /** An element of the contract's namespace first in the result. */
    RESULT_START,
    /** An element of the contract's namespace after the result's first child. */
    RESULT_MIDDLE,
    /** An element of the contract's namespace last in the result. */
    RESULT_END,
    /** An element of a foreign namespace, with children, after the result's first child. */
    FOREIGN_NAMESPACE,
    /** An element of the contract's namespace first in the response, before the result. */
    RESPONSE_START,
    /** An element of the contract's namespace after {@code ResponseMetadata}, last in the response. */
    AFTER_RESPONSE_METADATA,
    /** An element of the contract's namespace last inside {@code ResponseMetadata}. */
    INSIDE_RESPONSE_METADATA,
    /** A SOAP header block (not {@code mustUnderstand}); REST-Query answers have no header and are left as they are. */
    SOAP_HEADER,
    /**
     * Unknown attributes, one unqualified and one of a foreign namespace, on the response, the
     * result, its first child and {@code ResponseMetadata}.
     */
    UNKNOWN_ATTRIBUTES;

    /** @return every addition, as {@link LicenseServiceSimulator.Builder#futureContract} makes them */
    public static Set<ContractAddition> all() {
        return EnumSet.allOf(ContractAddition.class);
    }
}
