package io.github.devpayls.ls.contract.compat;

import io.github.devpayls.ls.contract.compat.Model.AttributeDecl;
import io.github.devpayls.ls.contract.compat.Model.ComplexShape;
import io.github.devpayls.ls.contract.compat.Model.ContractModel;
import io.github.devpayls.ls.contract.compat.Model.ElementDecl;
import io.github.devpayls.ls.contract.compat.Model.ElementParticle;
import io.github.devpayls.ls.contract.compat.Model.Particle;
import io.github.devpayls.ls.contract.compat.Model.RecursiveShape;
import io.github.devpayls.ls.contract.compat.Model.SchemaInfo;
import io.github.devpayls.ls.contract.compat.Model.Shape;
import io.github.devpayls.ls.contract.compat.Model.SimpleShape;
import io.github.devpayls.ls.contract.compat.Model.Wildcard;
import io.github.devpayls.ls.contract.compat.Model.WildcardParticle;
import io.github.devpayls.ls.contract.compat.Rule.Direction;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Compares a working contract with its published baseline and classifies every difference by the
 * rules in the {@linkplain io.github.devpayls.ls.contract.compat package documentation}.
 */
public final class ContractDiff {

    private final ContractModel baseline;
    private final ContractModel working;
    private final Map<String, Direction> directions;
    private final List<Difference> out = new ArrayList<>();

    private ContractDiff(ContractModel baseline, ContractModel working) {
        this.baseline = baseline;
        this.working = working;
        this.directions = directions(baseline);
        directions(working).forEach((k, v) -> this.directions.merge(k, v, Direction::merge));
    }

    /**
     * Every difference between {@code baseline} and {@code working}, in a stable order (contract,
     * schema elements by name, then WSDL); empty when they are equivalent. Documentation and
     * annotations are not compared.
     */
    public static List<Difference> compare(Contract baseline, Contract working) {
        Objects.requireNonNull(baseline, "baseline");
        Objects.requireNonNull(working, "working");
        ContractDiff diff = new ContractDiff(baseline.model(), working.model());
        diff.compareAll();
        return List.copyOf(diff.out);
    }

    /**
     * Whether these differences make the working contract a new contract (its target namespace or
     * schema version changed): deployed clients then cannot be confused with it, so its breaking
     * differences need no acknowledgement.
     */
    public static boolean isNewContract(List<Difference> differences) {
        return differences.stream().anyMatch(d -> d.rule() == Rule.CHANGED_NAMESPACE || d.rule() == Rule.CHANGED_VERSION);
    }

    private void compareAll() {
        if (!baseline.wsdlNamespace().equals(working.wsdlNamespace())) {
            add(Rule.CHANGED_NAMESPACE, Direction.BOTH, "wsdl:definitions/@targetNamespace",
                    "targetNamespace changed from " + baseline.wsdlNamespace() + " to " + working.wsdlNamespace());
        }
        compareSchemas();
        compareElements();
        comparePortTypes();
        compareBindings();
        compareServices();
    }

    // ----- schemas -----

    private void compareSchemas() {
        List<SchemaInfo> a = baseline.schemas();
        List<SchemaInfo> b = working.schemas();
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            String path = i == 0 ? "xsd:schema" : "xsd:schema[" + (i + 1) + "]";
            SchemaInfo x = a.get(i);
            SchemaInfo y = b.get(i);
            if (!x.targetNamespace().equals(y.targetNamespace())) {
                add(Rule.CHANGED_NAMESPACE, Direction.BOTH, path + "/@targetNamespace",
                        "schema targetNamespace changed from " + x.targetNamespace() + " to " + y.targetNamespace());
            }
            if (!x.version().equals(y.version())) {
                add(Rule.CHANGED_VERSION, Direction.BOTH, path + "/@version",
                        "schema version changed from '" + x.version() + "' to '" + y.version() + "'");
            }
            if (!x.elementFormDefault().equals(y.elementFormDefault())) {
                add(Rule.CHANGED_ELEMENT_FORM_DEFAULT, Direction.BOTH, path + "/@elementFormDefault",
                        "elementFormDefault changed from " + x.elementFormDefault() + " to " + y.elementFormDefault()
                                + ": every local element changes its name on the wire");
            }
            if (!x.attributeFormDefault().equals(y.attributeFormDefault())) {
                add(Rule.CHANGED_ATTRIBUTE_FORM_DEFAULT, Direction.BOTH, path + "/@attributeFormDefault",
                        "attributeFormDefault changed from " + x.attributeFormDefault() + " to " + y.attributeFormDefault());
            }
        }
        if (a.size() != b.size()) {
            add(Rule.CHANGED_CONTENT_MODEL, Direction.BOTH, "wsdl:types",
                    "the number of schemas changed from " + a.size() + " to " + b.size());
        }
    }

    // ----- elements -----

    private void compareElements() {
        Set<String> names = new TreeSet<>(baseline.globalElements().keySet());
        names.addAll(working.globalElements().keySet());
        for (String name : names) {
            ElementDecl a = baseline.globalElements().get(name);
            ElementDecl b = working.globalElements().get(name);
            String path = local(name);
            Direction direction = directions.getOrDefault(name, Direction.BOTH);
            if (b == null) {
                add(Rule.REMOVED_ELEMENT, direction, path, "global element " + path + " was removed");
            } else if (a == null) {
                add(Rule.ADDED_GLOBAL_ELEMENT, Direction.BOTH, path, "global element " + path + " was added");
            } else {
                compareElement(path, a, b, direction);
            }
        }
    }

    private void compareElement(String path, ElementDecl a, ElementDecl b, Direction direction) {
        if (a.isRef() != b.isRef() || a.isRef() && !a.refTarget().equals(b.refTarget())) {
            add(Rule.CHANGED_TYPE, direction, path, "element " + path + " changed from " + refText(a) + " to " + refText(b));
            return;
        }
        compareOccurs(path, "element", a.minOccurs(), a.maxOccurs(), b.minOccurs(), b.maxOccurs(), direction);
        if (a.isRef()) {
            return;
        }
        if (a.nillable() != b.nillable()) {
            add(b.nillable() ? Rule.MADE_NILLABLE : Rule.MADE_NOT_NILLABLE, direction, path,
                    "element " + path + (b.nillable() ? " became nillable" : " is no longer nillable"));
        }
        if (!Objects.equals(a.defaultValue(), b.defaultValue()) || !Objects.equals(a.fixedValue(), b.fixedValue())) {
            add(Rule.CHANGED_VALUE_CONSTRAINT, direction, path, "element " + path + " default/fixed value changed from "
                    + valueText(a.defaultValue(), a.fixedValue()) + " to " + valueText(b.defaultValue(), b.fixedValue()));
        }
        compareShape(path, a.type(), b.type(), direction);
    }

    private void compareOccurs(String path, String what, long minA, long maxA, long minB, long maxB, Direction direction) {
        if (minB > minA) {
            add(Rule.RAISED_MIN_OCCURS, direction, path, what + " " + path + " minOccurs raised from " + minA + " to " + minB);
        } else if (minB < minA) {
            add(Rule.LOWERED_MIN_OCCURS, direction, path, what + " " + path + " minOccurs lowered from " + minA + " to " + minB);
        }
        if (maxB > maxA) {
            add(Rule.RAISED_MAX_OCCURS, direction, path, what + " " + path + " maxOccurs raised from " + occurs(maxA)
                    + " to " + occurs(maxB));
        } else if (maxB < maxA) {
            add(Rule.LOWERED_MAX_OCCURS, direction, path, what + " " + path + " maxOccurs lowered from " + occurs(maxA)
                    + " to " + occurs(maxB));
        }
    }

    private void compareShape(String path, Shape a, Shape b, Direction direction) {
        if (a instanceof SimpleShape x && b instanceof SimpleShape y) {
            compareSimple(path, x, y, direction);
        } else if (a instanceof ComplexShape x && b instanceof ComplexShape y) {
            compareComplex(path, x, y, direction);
        } else if (a instanceof RecursiveShape x && b instanceof RecursiveShape y) {
            if (!x.typeName().equals(y.typeName())) {
                add(Rule.CHANGED_TYPE, direction, path, "element " + path + " changed type from " + x.typeName()
                        + " to " + y.typeName());
            }
        } else {
            add(Rule.CHANGED_TYPE, direction, path, "element " + path + " changed from " + shapeText(a) + " to "
                    + shapeText(b));
        }
    }

    private void compareSimple(String path, SimpleShape a, SimpleShape b, Direction direction) {
        if (!a.base().equals(b.base())) {
            add(Rule.CHANGED_TYPE, direction, path, path + " changed type from " + a.base() + " to " + b.base());
            return;
        }
        if (!a.enumeration().isEmpty() && !b.enumeration().isEmpty()) {
            Set<String> added = new TreeSet<>(b.enumeration());
            added.removeAll(a.enumeration());
            Set<String> removed = new TreeSet<>(a.enumeration());
            removed.removeAll(b.enumeration());
            if (!added.isEmpty()) {
                add(Rule.ADDED_ENUMERATION_VALUE, direction, path, path + " allows new values " + added);
            }
            if (!removed.isEmpty()) {
                add(Rule.REMOVED_ENUMERATION_VALUE, direction, path, path + " no longer allows " + removed);
            }
        } else if (!a.enumeration().equals(b.enumeration())) {
            add(Rule.CHANGED_FACET, direction, path, path + " enumeration changed from " + enumText(a) + " to " + enumText(b));
        }
        if (!a.facets().equals(b.facets())) {
            add(Rule.CHANGED_FACET, direction, path, path + " facets changed from " + new TreeMap<>(a.facets()) + " to "
                    + new TreeMap<>(b.facets()));
        }
    }

    private void compareComplex(String path, ComplexShape a, ComplexShape b, Direction direction) {
        if (a.mixed() != b.mixed()) {
            add(Rule.CHANGED_MIXED, direction, path, path + (b.mixed() ? " became mixed content" : " is no longer mixed"));
        }
        if ((a.simpleContent() == null) != (b.simpleContent() == null)) {
            add(Rule.CHANGED_TYPE, direction, path, path + " changed between simple and element content");
            return;
        }
        if (a.simpleContent() != null) {
            compareSimple(path, a.simpleContent(), b.simpleContent(), direction);
        }
        if (!Objects.equals(a.unanalysed(), b.unanalysed())) {
            add(Rule.CHANGED_CONTENT_MODEL, direction, path, path + " changed in a construct compared only as a whole"
                    + " (nested group, group reference or derivation): " + a.unanalysed() + " -> " + b.unanalysed());
        }
        compareParticles(path, a, b, direction);
        compareAttributes(path, a, b, direction);
    }

    private void compareParticles(String path, ComplexShape a, ComplexShape b, Direction direction) {
        String compositor = a.compositor().equals("empty") ? b.compositor() : a.compositor();
        if (!a.compositor().equals(b.compositor()) && !a.compositor().equals("empty") && !b.compositor().equals("empty")) {
            add(Rule.CHANGED_COMPOSITOR, direction, path, path + " changed from xs:" + a.compositor() + " to xs:"
                    + b.compositor());
            return;
        }
        Map<String, Particle> before = byKey(a.particles());
        Map<String, Particle> after = byKey(b.particles());
        for (Map.Entry<String, Particle> entry : before.entrySet()) {
            String childPath = path + "/" + entry.getKey();
            Particle old = entry.getValue();
            Particle now = after.get(entry.getKey());
            if (now == null) {
                if (old instanceof WildcardParticle) {
                    add(Rule.REMOVED_WILDCARD, direction, childPath, "wildcard xs:any was removed from " + path);
                } else {
                    add(Rule.REMOVED_ELEMENT, direction, childPath, "element " + entry.getKey() + " was removed from " + path);
                }
            } else if (old instanceof ElementParticle x && now instanceof ElementParticle y) {
                compareElement(childPath, x.element(), y.element(), direction);
            } else if (old instanceof WildcardParticle x && now instanceof WildcardParticle y) {
                compareWildcard(childPath, x.wildcard(), y.wildcard(), direction);
                compareOccurs(childPath, "wildcard", x.minOccurs(), x.maxOccurs(), y.minOccurs(), y.maxOccurs(), direction);
            }
        }
        for (Map.Entry<String, Particle> entry : after.entrySet()) {
            if (before.containsKey(entry.getKey())) {
                continue;
            }
            String childPath = path + "/" + entry.getKey();
            Particle added = entry.getValue();
            long min = added instanceof ElementParticle e ? e.element().minOccurs() : ((WildcardParticle) added).minOccurs();
            String what = added instanceof WildcardParticle ? "wildcard xs:any" : "element " + entry.getKey();
            if (compositor.equals("choice")) {
                add(Rule.ADDED_CHOICE_OPTION, direction, childPath, what + " was added as a new choice in " + path);
            } else if (min > 0) {
                add(Rule.ADDED_REQUIRED_ELEMENT, direction, childPath, "required " + what + " was added to " + path);
            } else if (added instanceof WildcardParticle) {
                add(Rule.ADDED_WILDCARD, direction, childPath, "optional wildcard xs:any was added to " + path);
            } else {
                add(Rule.ADDED_OPTIONAL_ELEMENT, direction, childPath, "optional " + what + " was added to " + path);
            }
        }
        if (compositor.equals("sequence")) {
            List<String> oldOrder = new ArrayList<>(before.keySet());
            oldOrder.retainAll(after.keySet());
            List<String> newOrder = new ArrayList<>(after.keySet());
            newOrder.retainAll(before.keySet());
            if (!oldOrder.equals(newOrder)) {
                add(Rule.REORDERED_SEQUENCE, direction, path, "the sequence in " + path + " was reordered from " + oldOrder
                        + " to " + newOrder);
            }
        }
    }

    private void compareWildcard(String path, Wildcard a, Wildcard b, Direction direction) {
        if (!a.equals(b)) {
            add(Rule.CHANGED_WILDCARD, direction, path, "wildcard " + path + " changed from namespace=" + a.namespace()
                    + " processContents=" + a.processContents() + " to namespace=" + b.namespace() + " processContents="
                    + b.processContents());
        }
    }

    private void compareAttributes(String path, ComplexShape a, ComplexShape b, Direction direction) {
        Set<String> names = new TreeSet<>(a.attributes().keySet());
        names.addAll(b.attributes().keySet());
        for (String name : names) {
            String attributePath = path + "/@" + name;
            AttributeDecl x = a.attributes().get(name);
            AttributeDecl y = b.attributes().get(name);
            if (y == null) {
                add(Rule.REMOVED_ATTRIBUTE, direction, attributePath, "attribute " + name + " was removed from " + path);
            } else if (x == null) {
                add("required".equals(y.use()) ? Rule.ADDED_REQUIRED_ATTRIBUTE : Rule.ADDED_OPTIONAL_ATTRIBUTE, direction,
                        attributePath, y.use() + " attribute " + name + " was added to " + path);
            } else {
                if (!x.use().equals(y.use())) {
                    add("required".equals(y.use()) ? Rule.MADE_ATTRIBUTE_REQUIRED : Rule.MADE_ATTRIBUTE_OPTIONAL, direction,
                            attributePath, "attribute " + attributePath + " changed from " + x.use() + " to " + y.use());
                }
                if (!Objects.equals(x.defaultValue(), y.defaultValue()) || !Objects.equals(x.fixedValue(), y.fixedValue())) {
                    add(Rule.CHANGED_VALUE_CONSTRAINT, direction, attributePath, "attribute " + attributePath
                            + " default/fixed value changed");
                }
                compareSimple(attributePath, x.type(), y.type(), direction);
            }
        }
        String wildcardPath = path + "/@xs:anyAttribute";
        if (a.anyAttribute() == null && b.anyAttribute() != null) {
            add(Rule.ADDED_WILDCARD, direction, wildcardPath, "xs:anyAttribute was added to " + path);
        } else if (a.anyAttribute() != null && b.anyAttribute() == null) {
            add(Rule.REMOVED_WILDCARD, direction, wildcardPath, "xs:anyAttribute was removed from " + path);
        } else if (a.anyAttribute() != null) {
            compareWildcard(wildcardPath, a.anyAttribute(), b.anyAttribute(), direction);
        }
    }

    // ----- WSDL -----

    private void comparePortTypes() {
        Map<String, Model.PortType> a = baseline.portTypes();
        Map<String, Model.PortType> b = working.portTypes();
        boolean single = a.size() == 1 && b.size() == 1;
        for (Map.Entry<Model.PortType, Model.PortType> pair : pairs(a, b).entrySet()) {
            Model.PortType x = pair.getKey();
            Model.PortType y = pair.getValue();
            String prefix = single ? "wsdl:operation/" : "wsdl:operation/" + x.name() + ".";
            if (y == null) {
                x.operations().keySet().forEach(op -> add(Rule.REMOVED_OPERATION, Direction.BOTH, prefix + op,
                        "operation " + op + " was removed (its port type " + x.name() + " is gone)"));
                continue;
            }
            if (!x.name().equals(y.name())) {
                add(Rule.CHANGED_PORT_TYPE_NAME, Direction.BOTH, "wsdl:portType/" + x.name(),
                        "port type " + x.name() + " was renamed to " + y.name());
            }
            for (Model.Operation op : x.operations().values()) {
                Model.Operation now = y.operations().get(op.name());
                if (now == null) {
                    add(Rule.REMOVED_OPERATION, Direction.BOTH, prefix + op.name(), "operation " + op.name() + " was removed");
                } else {
                    compareOperation(prefix + op.name(), op, now);
                }
            }
            for (Model.Operation op : y.operations().values()) {
                if (!x.operations().containsKey(op.name())) {
                    add(Rule.ADDED_OPERATION, Direction.BOTH, prefix + op.name(), "operation " + op.name() + " was added");
                }
            }
        }
        for (Model.PortType added : b.values()) {
            if (!single && !a.containsKey(added.name())) {
                added.operations().keySet().forEach(op -> add(Rule.ADDED_OPERATION, Direction.BOTH,
                        "wsdl:operation/" + added.name() + "." + op, "operation " + op + " was added with port type "
                                + added.name()));
            }
        }
    }

    private void compareOperation(String path, Model.Operation a, Model.Operation b) {
        if ((a.input() == null) != (b.input() == null) || (a.output() == null) != (b.output() == null)) {
            add(Rule.CHANGED_OPERATION_KIND, Direction.BOTH, path, "operation " + a.name() + " changed from "
                    + kindText(a) + " to " + kindText(b));
            return;
        }
        compareMessage(path + "/input", a.name(), a.input(), b.input());
        compareMessage(path + "/output", a.name(), a.output(), b.output());
        Set<String> faultsBefore = new TreeSet<>(a.faults());
        Set<String> faultsAfter = new TreeSet<>(b.faults());
        for (String fault : faultsBefore) {
            if (!faultsAfter.contains(fault)) {
                add(Rule.REMOVED_FAULT, Direction.BOTH, path + "/fault/" + fault.substring(0, fault.indexOf('=')),
                        "fault " + fault + " was removed from operation " + a.name());
            }
        }
        for (String fault : faultsAfter) {
            if (!faultsBefore.contains(fault)) {
                add(Rule.ADDED_FAULT, Direction.BOTH, path + "/fault/" + fault.substring(0, fault.indexOf('=')),
                        "fault " + fault + " was added to operation " + a.name() + ": deployed clients do not expect it");
            }
        }
    }

    private void compareMessage(String path, String operation, String a, String b) {
        if (a == null) {
            return;
        }
        if (!a.equals(b)) {
            add(Rule.RENAMED_MESSAGE, Direction.BOTH, path, "operation " + operation + " " + lastSegment(path)
                    + " message was renamed from " + local(a) + " to " + local(b));
        }
        Model.Message x = baseline.messages().get(a);
        Model.Message y = working.messages().get(b);
        List<Model.Part> partsA = x == null ? List.of() : x.parts();
        List<Model.Part> partsB = y == null ? List.of() : y.parts();
        if (!partsA.equals(partsB)) {
            add(Rule.CHANGED_MESSAGE_PART, Direction.BOTH, path, "operation " + operation + " " + lastSegment(path)
                    + " message parts changed from " + partsText(partsA) + " to " + partsText(partsB));
        }
    }

    private void compareBindings() {
        Map<String, Model.Binding> a = baseline.bindings();
        Map<String, Model.Binding> b = working.bindings();
        Set<String> workingOperations = new TreeSet<>();
        working.portTypes().values().forEach(pt -> workingOperations.addAll(pt.operations().keySet()));
        for (Map.Entry<Model.Binding, Model.Binding> pair : pairs(a, b).entrySet()) {
            Model.Binding x = pair.getKey();
            Model.Binding y = pair.getValue();
            String path = "wsdl:binding/" + x.name();
            if (y == null) {
                add(Rule.CHANGED_BINDING_NAME, Direction.BOTH, path, "binding " + x.name() + " was removed");
                continue;
            }
            if (!x.name().equals(y.name())) {
                add(Rule.CHANGED_BINDING_NAME, Direction.BOTH, path, "binding " + x.name() + " was renamed to " + y.name());
            }
            if (!x.soapVersion().equals(y.soapVersion())) {
                add(Rule.CHANGED_SOAP_VERSION, Direction.BOTH, path, "binding " + x.name() + " changed from "
                        + x.soapVersion() + " to " + y.soapVersion());
            }
            if (!x.style().equals(y.style())) {
                add(Rule.CHANGED_BINDING_STYLE, Direction.BOTH, path, "binding " + x.name() + " style changed from '"
                        + x.style() + "' to '" + y.style() + "'");
            }
            if (!x.transport().equals(y.transport())) {
                add(Rule.CHANGED_TRANSPORT, Direction.BOTH, path, "binding " + x.name() + " transport changed from "
                        + x.transport() + " to " + y.transport());
            }
            for (Model.BindingOperation op : x.operations().values()) {
                String opPath = path + "/" + op.name();
                Model.BindingOperation now = y.operations().get(op.name());
                if (now == null) {
                    if (workingOperations.contains(op.name())) {
                        add(Rule.REMOVED_BINDING_OPERATION, Direction.BOTH, opPath, "operation " + op.name()
                                + " is no longer bound by " + y.name());
                    }
                    continue;
                }
                if (!op.soapAction().equals(now.soapAction())) {
                    add(Rule.CHANGED_SOAP_ACTION, Direction.BOTH, opPath, "operation " + op.name() + " soapAction changed from '"
                            + op.soapAction() + "' to '" + now.soapAction() + "'");
                }
                if (!op.style().equals(now.style())) {
                    add(Rule.CHANGED_BINDING_STYLE, Direction.BOTH, opPath, "operation " + op.name() + " style changed from '"
                            + op.style() + "' to '" + now.style() + "'");
                }
                if (op.inputBody() != null && now.inputBody() != null && !op.inputBody().equals(now.inputBody())) {
                    add(Rule.CHANGED_BINDING_USE, Direction.BOTH, opPath + "/input", "operation " + op.name()
                            + " input binding changed from [" + op.inputBody() + "] to [" + now.inputBody() + "]");
                }
                if (op.outputBody() != null && now.outputBody() != null && !op.outputBody().equals(now.outputBody())) {
                    add(Rule.CHANGED_BINDING_USE, Direction.BOTH, opPath + "/output", "operation " + op.name()
                            + " output binding changed from [" + op.outputBody() + "] to [" + now.outputBody() + "]");
                }
            }
        }
    }

    private void compareServices() {
        for (Map.Entry<Model.Service, Model.Service> pair : pairs(baseline.services(), working.services()).entrySet()) {
            Model.Service x = pair.getKey();
            Model.Service y = pair.getValue();
            String path = "wsdl:service/" + x.name();
            if (y == null) {
                add(Rule.CHANGED_SERVICE_NAME, Direction.BOTH, path, "service " + x.name() + " was removed");
                continue;
            }
            if (!x.name().equals(y.name())) {
                add(Rule.CHANGED_SERVICE_NAME, Direction.BOTH, path, "service " + x.name() + " was renamed to " + y.name());
            }
            for (Map.Entry<Model.Port, Model.Port> ports : pairs(x.ports(), y.ports()).entrySet()) {
                Model.Port p = ports.getKey();
                Model.Port q = ports.getValue();
                String portPath = path + "/" + p.name();
                if (q == null) {
                    add(Rule.CHANGED_PORT_NAME, Direction.BOTH, portPath, "port " + p.name() + " was removed");
                    continue;
                }
                if (!p.name().equals(q.name())) {
                    add(Rule.CHANGED_PORT_NAME, Direction.BOTH, portPath, "port " + p.name() + " was renamed to " + q.name());
                }
                if (!p.binding().equals(q.binding())) {
                    add(Rule.CHANGED_PORT_BINDING, Direction.BOTH, portPath, "port " + p.name() + " binding changed from "
                            + p.binding() + " to " + q.binding());
                }
                if (!p.address().equals(q.address())) {
                    add(Rule.CHANGED_ADDRESS, Direction.BOTH, portPath, "port " + p.name() + " address changed from "
                            + p.address() + " to " + q.address() + ": deployed clients default to the old one");
                }
            }
            boolean singlePort = x.ports().size() == 1 && y.ports().size() == 1;
            for (Model.Port q : y.ports().values()) {
                if (!singlePort && !x.ports().containsKey(q.name())) {
                    add(Rule.ADDED_PORT, Direction.BOTH, path + "/" + q.name(), "port " + q.name() + " was added");
                }
            }
        }
    }

    // ----- helpers -----

    /**
     * Pairs named things of the two contracts: by name, except that when each side has exactly one,
     * those two are paired (so a rename is one difference, not a removal and an addition).
     * Unmatched baseline entries map to null.
     */
    private static <T> Map<T, T> pairs(Map<String, T> a, Map<String, T> b) {
        Map<T, T> out = new LinkedHashMap<>();
        if (a.size() == 1 && b.size() == 1) {
            out.put(a.values().iterator().next(), b.values().iterator().next());
            return out;
        }
        a.forEach((name, value) -> out.put(value, b.get(name)));
        return out;
    }

    private static Map<String, Direction> directions(ContractModel model) {
        Map<String, Direction> directions = new HashMap<>();
        Deque<String> work = new ArrayDeque<>();
        for (Model.PortType portType : model.portTypes().values()) {
            for (Model.Operation op : portType.operations().values()) {
                mark(model, op.input(), Direction.REQUEST, directions, work);
                mark(model, op.output(), Direction.RESPONSE, directions, work);
                for (String fault : op.faults()) {
                    mark(model, fault.substring(fault.indexOf('=') + 1), Direction.RESPONSE, directions, work);
                }
            }
        }
        while (!work.isEmpty()) {
            String name = work.pop();
            ElementDecl element = model.globalElements().get(name);
            if (element != null) {
                List<String> refs = new ArrayList<>();
                collectRefs(element.type(), refs);
                for (String ref : refs) {
                    Direction before = directions.get(ref);
                    Direction merged = directions.get(name).merge(before);
                    if (merged != before) {
                        directions.put(ref, merged);
                        work.push(ref);
                    }
                }
            }
        }
        return directions;
    }

    private static void mark(ContractModel model, String message, Direction direction, Map<String, Direction> directions,
                             Deque<String> work) {
        Model.Message m = message == null ? null : model.messages().get(message);
        if (m == null) {
            return;
        }
        for (Model.Part part : m.parts()) {
            if (part.element() != null) {
                Direction before = directions.get(part.element());
                Direction merged = direction.merge(before);
                if (merged != before) {
                    directions.put(part.element(), merged);
                    work.push(part.element());
                }
            }
        }
    }

    private static void collectRefs(Shape shape, List<String> refs) {
        if (shape instanceof ComplexShape complex) {
            for (Particle particle : complex.particles()) {
                if (particle instanceof ElementParticle e) {
                    if (e.element().isRef()) {
                        refs.add(e.element().refTarget());
                    } else {
                        collectRefs(e.element().type(), refs);
                    }
                }
            }
        }
    }

    private static Map<String, Particle> byKey(List<Particle> particles) {
        Map<String, Particle> out = new LinkedHashMap<>();
        particles.forEach(p -> out.put(p.key(), p));
        return out;
    }

    private void add(Rule rule, Direction direction, String path, String what) {
        Difference.Kind kind = rule.kindFor(direction);
        String where = switch (direction) {
            case REQUEST -> "a request";
            case RESPONSE -> "a response";
            case BOTH -> "the contract";
        };
        out.add(new Difference(kind, rule, path, what + "; " + kind.name().toLowerCase(java.util.Locale.ROOT) + " in "
                + where + " (" + rule.id() + ")"));
    }

    private static String local(String name) {
        return name != null && name.startsWith("tns:") ? name.substring(4) : name;
    }

    private static String lastSegment(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static String refText(ElementDecl e) {
        return e.isRef() ? "a reference to " + local(e.refTarget()) : "a local declaration";
    }

    private static String shapeText(Shape s) {
        if (s instanceof SimpleShape simple) {
            return "simple type " + simple.base();
        }
        if (s instanceof RecursiveShape recursive) {
            return "type " + recursive.typeName();
        }
        return "a complex type";
    }

    private static String enumText(SimpleShape s) {
        return s.enumeration().isEmpty() ? "none" : s.enumeration().toString();
    }

    private static String valueText(String defaultValue, String fixedValue) {
        if (fixedValue != null) {
            return "fixed '" + fixedValue + "'";
        }
        return defaultValue == null ? "none" : "default '" + defaultValue + "'";
    }

    private static String occurs(long max) {
        return max == Long.MAX_VALUE ? "unbounded" : Long.toString(max);
    }

    private static String kindText(Model.Operation op) {
        return (op.input() != null ? "input" : "") + (op.input() != null && op.output() != null ? "+" : "")
                + (op.output() != null ? "output" : "");
    }

    private static String partsText(List<Model.Part> parts) {
        List<String> out = new ArrayList<>();
        for (Model.Part p : parts) {
            out.add(p.name() + (p.element() != null ? " element=" + local(p.element()) : "")
                    + (p.type() != null ? " type=" + p.type() : ""));
        }
        return out.toString();
    }
}
