package io.github.devpayls.ls.contract.compat;

import java.nio.file.Path;
import java.util.Objects;

/** One version of the contract: a WSDL 1.1 file and the local XML Schema files it imports, read. */
public final class Contract {

    private final Path wsdl;
    private final Model.ContractModel model;

    private Contract(Path wsdl, Model.ContractModel model) {
        this.wsdl = wsdl;
        this.model = model;
    }

    /**
     * Reads the WSDL at {@code wsdl} and the schemas its {@code wsdl:types} import by relative
     * location.
     *
     * @throws UnreadableContractException if a file is missing, too large, not well-formed, has a
     *                                     DOCTYPE, or imports anything but a local schema file
     */
    public static Contract load(Path wsdl) {
        Objects.requireNonNull(wsdl, "wsdl");
        return new Contract(wsdl, ContractReader.read(wsdl));
    }

    /** The WSDL file this contract was read from. */
    public Path wsdl() {
        return wsdl;
    }

    /** The contract's target namespace (the WSDL's). */
    public String targetNamespace() {
        return model.wsdlNamespace();
    }

    Model.ContractModel model() {
        return model;
    }
}
