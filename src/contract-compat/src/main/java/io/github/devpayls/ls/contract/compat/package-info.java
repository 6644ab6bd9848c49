/**
 * Contract compatibility: compares the working License Service contract with its published baseline
 * and classifies every difference as {@code COMPATIBLE} or {@code BREAKING}
 * ({@link io.github.devpayls.ls.contract.compat.ContractDiff#compare}); the build's gate is
 * {@link io.github.devpayls.ls.contract.compat.ContractCompatibilityCheck}.
 *
 * <p><b>Direction.</b> A request element is written by deployed clients and read by the (upgraded)
 * server; a response element is written by the server and read by deployed clients. Compatible means:
 * the new server accepts every request an old client sends, and every response the new server sends
 * is one an old client accepts. Elements are classified by XSD semantics, with one rule from the
 * contract's own evolution policy: readers ignore elements they do not know, so an element added to a
 * response is compatible. An element reached from both directions, or from no operation (the REST
 * {@code ErrorResponse}), is breaking if either direction is.
 *
 * <table>
 * <caption>Rules (request / response)</caption>
 * <tr><th>rule</th><th>request</th><th>response</th></tr>
 * <tr><td>added-optional-element, added-global-element, added-wildcard (optional), added-optional-attribute,
 *     added-operation, added-port</td><td>compatible</td><td>compatible</td></tr>
 * <tr><td>added-required-element, added-required-attribute, raised-min-occurs, lowered-max-occurs,
 *     removed-enumeration-value, made-not-nillable, made-attribute-required</td>
 *     <td>breaking</td><td>compatible</td></tr>
 * <tr><td>added-choice-option, lowered-min-occurs, raised-max-occurs, added-enumeration-value,
 *     made-nillable, made-attribute-optional</td><td>compatible</td><td>breaking</td></tr>
 * <tr><td>removed-element (also renamed: removed + added), removed-wildcard, removed-attribute,
 *     reordered-sequence, changed-compositor, changed-type (leaf type, simple/complex, reference/local),
 *     changed-facet, changed-value-constraint, changed-mixed, changed-wildcard, changed-content-model
 *     (nested groups, group references, derivations: compared as a whole)</td>
 *     <td>breaking</td><td>breaking</td></tr>
 * <tr><td>changed-namespace, changed-version (a new contract: see below), changed-element-form-default,
 *     changed-attribute-form-default</td><td>breaking</td><td>breaking</td></tr>
 * <tr><td>removed-operation, changed-operation-kind, renamed-message, changed-message-part, added-fault,
 *     removed-fault, changed-port-type-name, changed-binding-name, changed-service-name, changed-port-name,
 *     changed-port-binding, changed-address, changed-soap-version, changed-binding-style, changed-transport,
 *     changed-soap-action, changed-binding-use, removed-binding-operation</td><td>breaking</td><td>breaking</td></tr>
 * </table>
 *
 * <p><b>Acknowledging a break.</b> A breaking difference fails the check unless its
 * {@link io.github.devpayls.ls.contract.compat.Difference#id() id} is listed, with a reason, in the
 * acknowledgements file ({@link io.github.devpayls.ls.contract.compat.Acknowledgements}); an
 * acknowledgement matching no difference is stale and fails too. When the target namespace or the
 * schema version changes, the working contract is a new contract: its breaks need no
 * acknowledgement.
 *
 * <p><b>Reading.</b> Files are read with WSDL4J and Apache XmlSchema after a bounded, DOCTYPE-refusing
 * DOM parse; only schemas the WSDL imports by a relative location inside the contract's directory are
 * opened. Documentation and annotations are not compared.
 *
 * <p><b>Null policy.</b> No method accepts or returns null.
 */
package io.github.devpayls.ls.contract.compat;
