package io.github.devpayls.ls.contract.compat;

import java.util.List;
import java.util.Map;

/**
 * The normalised view of a contract that {@link ContractDiff} compares: names are written with the
 * contract's own namespace as {@code tns:}, so that a namespace change is one difference rather than
 * every element removed and added again. Documentation and annotations are not part of it.
 */
final class Model {

    private Model() {
    }

    record ContractModel(String wsdlNamespace, List<SchemaInfo> schemas, Map<String, ElementDecl> globalElements,
                         Map<String, Message> messages, Map<String, PortType> portTypes,
                         Map<String, Binding> bindings, Map<String, Service> services) {
    }

    record SchemaInfo(String targetNamespace, String elementFormDefault, String attributeFormDefault,
                      String version) {
    }

    record ElementDecl(String name, long minOccurs, long maxOccurs, String refTarget, Shape type,
                       boolean nillable, String defaultValue, String fixedValue) {
        boolean isRef() {
            return refTarget != null;
        }
    }

    /** What an element holds: a simple leaf, a complex content model, or a named type met again. */
    sealed interface Shape permits SimpleShape, ComplexShape, RecursiveShape {
    }

    /** A leaf: its built-in base, and the facets of an anonymous or named restriction of it. */
    record SimpleShape(String base, List<String> enumeration, Map<String, String> facets) implements Shape {
    }

    /**
     * A complex type. {@code compositor} is {@code sequence}, {@code choice}, {@code all} or
     * {@code empty}; {@code unanalysed} is a canonical text of any construct not compared piece by
     * piece (nested groups, group references, complex content derivation), compared as a whole.
     */
    record ComplexShape(String compositor, List<Particle> particles, Map<String, AttributeDecl> attributes,
                        Wildcard anyAttribute, boolean mixed, SimpleShape simpleContent,
                        String unanalysed) implements Shape {
    }

    record RecursiveShape(String typeName) implements Shape {
    }

    sealed interface Particle permits ElementParticle, WildcardParticle {
        String key();
    }

    record ElementParticle(ElementDecl element) implements Particle {
        @Override
        public String key() {
            return element.name();
        }
    }

    record WildcardParticle(int index, Wildcard wildcard, long minOccurs, long maxOccurs) implements Particle {
        @Override
        public String key() {
            return index == 0 ? "xs:any" : "xs:any[" + (index + 1) + "]";
        }
    }

    record Wildcard(String namespace, String processContents) {
    }

    record AttributeDecl(String name, String use, SimpleShape type, String defaultValue, String fixedValue) {
    }

    record Message(String name, List<Part> parts) {
    }

    record Part(String name, String element, String type) {
    }

    record PortType(String name, Map<String, Operation> operations) {
    }

    record Operation(String name, String input, String output, List<String> faults) {
    }

    record Binding(String name, String portType, String soapVersion, String style, String transport,
                   Map<String, BindingOperation> operations) {
    }

    record BindingOperation(String name, String soapAction, String style, String inputBody, String outputBody) {
    }

    record Service(String name, Map<String, Port> ports) {
    }

    record Port(String name, String binding, String address) {
    }
}
