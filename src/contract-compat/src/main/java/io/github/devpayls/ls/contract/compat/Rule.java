package io.github.devpayls.ls.contract.compat;

/**
 * The rules a {@link Difference} is classified by. Where the kind depends on the direction of the
 * element (request: written by clients, read by the server; response: written by the server, read by
 * deployed clients), {@link #inRequest()} and {@link #inResponse()} differ; an element used in both
 * directions, or by no operation at all (the REST {@code ErrorResponse}), is breaking if either is.
 * The package documentation has the table with the reasons.
 */
public enum Rule {
    // Whole contract.
    CHANGED_NAMESPACE("changed-namespace", Difference.Kind.BREAKING, Difference.Kind.BREAKING),
    CHANGED_VERSION("changed-version", Difference.Kind.BREAKING, Difference.Kind.BREAKING),
    CHANGED_ELEMENT_FORM_DEFAULT("changed-element-form-default", Difference.Kind.BREAKING, Difference.Kind.BREAKING),
    CHANGED_ATTRIBUTE_FORM_DEFAULT("changed-attribute-form-default", Difference.Kind.BREAKING, Difference.Kind.BREAKING),

    // Elements and their content.
    ADDED_GLOBAL_ELEMENT("added-global-element", Difference.Kind.COMPATIBLE, Difference.Kind.COMPATIBLE),
    REMOVED_ELEMENT("removed-element", Difference.Kind.BREAKING, Difference.Kind.BREAKING),
    ADDED_OPTIONAL_ELEMENT("added-optional-element", Difference.Kind.COMPATIBLE, Difference.Kind.COMPATIBLE),
    ADDED_REQUIRED_ELEMENT("added-required-element", Difference.Kind.BREAKING, Difference.Kind.COMPATIBLE),
    ADDED_CHOICE_OPTION("added-choice-option", Difference.Kind.COMPATIBLE, Difference.Kind.BREAKING),
    REORDERED_SEQUENCE("reordered-sequence", Difference.Kind.BREAKING, Difference.Kind.BREAKING),
    CHANGED_COMPOSITOR("changed-compositor", Difference.Kind.BREAKING, Difference.Kind.BREAKING),
    RAISED_MIN_OCCURS("raised-min-occurs", Difference.Kind.BREAKING, Difference.Kind.COMPATIBLE),
    LOWERED_MIN_OCCURS("lowered-min-occurs", Difference.Kind.COMPATIBLE, Difference.Kind.BREAKING),
    RAISED_MAX_OCCURS("raised-max-occurs", Difference.Kind.COMPATIBLE, Difference.Kind.BREAKING),
    LOWERED_MAX_OCCURS("lowered-max-occurs", Difference.Kind.BREAKING, Difference.Kind.COMPATIBLE),
    CHANGED_TYPE("changed-type", Difference.Kind.BREAKING, Difference.Kind.BREAKING),
    ADDED_ENUMERATION_VALUE("added-enumeration-value", Difference.Kind.COMPATIBLE, Difference.Kind.BREAKING),
    REMOVED_ENUMERATION_VALUE("removed-enumeration-value", Difference.Kind.BREAKING, Difference.Kind.COMPATIBLE),
    CHANGED_FACET("changed-facet", Difference.Kind.BREAKING, Difference.Kind.BREAKING),
    MADE_NILLABLE("made-nillable", Difference.Kind.COMPATIBLE, Difference.Kind.BREAKING),
    MADE_NOT_NILLABLE("made-not-nillable", Difference.Kind.BREAKING, Difference.Kind.COMPATIBLE),
    CHANGED_VALUE_CONSTRAINT("changed-value-constraint", Difference.Kind.BREAKING, Difference.Kind.BREAKING),
    CHANGED_MIXED("changed-mixed", Difference.Kind.BREAKING, Difference.Kind.BREAKING),
    CHANGED_CONTENT_MODEL("changed-content-model", Difference.Kind.BREAKING, Difference.Kind.BREAKING),
    ADDED_WILDCARD("added-wildcard", Difference.Kind.COMPATIBLE, Difference.Kind.COMPATIBLE),
    REMOVED_WILDCARD("removed-wildcard", Difference.Kind.BREAKING, Difference.Kind.BREAKING),
    CHANGED_WILDCARD("changed-wildcard", Difference.Kind.BREAKING, Difference.Kind.BREAKING),
    ADDED_OPTIONAL_ATTRIBUTE("added-optional-attribute", Difference.Kind.COMPATIBLE, Difference.Kind.COMPATIBLE),
    ADDED_REQUIRED_ATTRIBUTE("added-required-attribute", Difference.Kind.BREAKING, Difference.Kind.COMPATIBLE),
    REMOVED_ATTRIBUTE("removed-attribute", Difference.Kind.BREAKING, Difference.Kind.BREAKING),
    MADE_ATTRIBUTE_REQUIRED("made-attribute-required", Difference.Kind.BREAKING, Difference.Kind.COMPATIBLE),
    MADE_ATTRIBUTE_OPTIONAL("made-attribute-optional", Difference.Kind.COMPATIBLE, Difference.Kind.BREAKING),

    // WSDL.
    ADDED_OPERATION("added-operation", Difference.Kind.COMPATIBLE, Difference.Kind.COMPATIBLE),
    REMOVED_OPERATION("removed-operation", Difference.Kind.BREAKING, Difference.Kind.BREAKING),
    CHANGED_OPERATION_KIND("changed-operation-kind", Difference.Kind.BREAKING, Difference.Kind.BREAKING),
    RENAMED_MESSAGE("renamed-message", Difference.Kind.BREAKING, Difference.Kind.BREAKING),
    CHANGED_MESSAGE_PART("changed-message-part", Difference.Kind.BREAKING, Difference.Kind.BREAKING),
    ADDED_FAULT("added-fault", Difference.Kind.BREAKING, Difference.Kind.BREAKING),
    REMOVED_FAULT("removed-fault", Difference.Kind.BREAKING, Difference.Kind.BREAKING),
    CHANGED_PORT_TYPE_NAME("changed-port-type-name", Difference.Kind.BREAKING, Difference.Kind.BREAKING),
    CHANGED_BINDING_NAME("changed-binding-name", Difference.Kind.BREAKING, Difference.Kind.BREAKING),
    CHANGED_SERVICE_NAME("changed-service-name", Difference.Kind.BREAKING, Difference.Kind.BREAKING),
    CHANGED_PORT_NAME("changed-port-name", Difference.Kind.BREAKING, Difference.Kind.BREAKING),
    ADDED_PORT("added-port", Difference.Kind.COMPATIBLE, Difference.Kind.COMPATIBLE),
    CHANGED_PORT_BINDING("changed-port-binding", Difference.Kind.BREAKING, Difference.Kind.BREAKING),
    CHANGED_ADDRESS("changed-address", Difference.Kind.BREAKING, Difference.Kind.BREAKING),
    CHANGED_SOAP_VERSION("changed-soap-version", Difference.Kind.BREAKING, Difference.Kind.BREAKING),
    CHANGED_BINDING_STYLE("changed-binding-style", Difference.Kind.BREAKING, Difference.Kind.BREAKING),
    CHANGED_TRANSPORT("changed-transport", Difference.Kind.BREAKING, Difference.Kind.BREAKING),
    CHANGED_SOAP_ACTION("changed-soap-action", Difference.Kind.BREAKING, Difference.Kind.BREAKING),
    CHANGED_BINDING_USE("changed-binding-use", Difference.Kind.BREAKING, Difference.Kind.BREAKING),
    REMOVED_BINDING_OPERATION("removed-binding-operation", Difference.Kind.BREAKING, Difference.Kind.BREAKING);

    private final String id;
    private final Difference.Kind inRequest;
    private final Difference.Kind inResponse;

    Rule(String id, Difference.Kind inRequest, Difference.Kind inResponse) {
        this.id = id;
        this.inRequest = inRequest;
        this.inResponse = inResponse;
    }

    /** The rule's stable name, as it appears in a {@link Difference#id()}: {@code removed-element}. */
    public String id() {
        return id;
    }

    /** The kind of this difference in an element only clients write (a request). */
    public Difference.Kind inRequest() {
        return inRequest;
    }

    /** The kind of this difference in an element only the server writes (a response). */
    public Difference.Kind inResponse() {
        return inResponse;
    }

    Difference.Kind kindFor(Direction direction) {
        return switch (direction) {
            case REQUEST -> inRequest;
            case RESPONSE -> inResponse;
            case BOTH -> inRequest == Difference.Kind.BREAKING || inResponse == Difference.Kind.BREAKING
                    ? Difference.Kind.BREAKING : Difference.Kind.COMPATIBLE;
        };
    }

    /** Which side writes an element: decides the kind of the rules whose kind depends on it. */
    enum Direction {
        REQUEST, RESPONSE, BOTH;

        Direction merge(Direction other) {
            return other == null || other == this ? this : BOTH;
        }
    }
}
