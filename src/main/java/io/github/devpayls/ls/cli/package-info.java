/**
 * The {@code devpay-ls} command line, the main class of {@code devpay-ls.jar}. Each subcommand is
 * a picocli command class registered in {@link io.github.devpayls.ls.cli.Main}.
 *
 * <p>Null policy: no method accepts or returns {@code null} unless its Javadoc says so.
 */
package io.github.devpayls.ls.cli;
