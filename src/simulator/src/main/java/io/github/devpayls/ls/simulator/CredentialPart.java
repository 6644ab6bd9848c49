package io.github.devpayls.ls.simulator;

/** One of the three parts of a desktop credential set, as fault injection can spoil it. */
public enum CredentialPart {
    /** {@code UserToken}. */
    USER_TOKEN("UserToken"),
    /** {@code AWSAccessKeyId}. */
    ACCESS_KEY_ID("AWSAccessKeyId"),
    /** {@code SecretAccessKey}. */
    SECRET_ACCESS_KEY("SecretAccessKey");

    private final String elementName;

    CredentialPart(String elementName) {
        this.elementName = elementName;
    }

    /** @return the local name of the result element carrying this part */
    public String elementName() {
        return elementName;
    }
}
