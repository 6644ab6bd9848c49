/**
 * The {@code devpay-ls} command line, the main class of {@code devpay-ls.jar}: {@code demo},
 * {@code activate}, {@code status} and {@code serve}. Each subcommand is a picocli command class
 * registered in {@link io.github.devpayls.ls.cli.Main}; exit codes are those of
 * {@code ExitCodes}, outcomes are printed through {@code Report} (text or hand-written JSON), which
 * only ever receives secrets masked. See {@code docs/cli.md}.
 *
 * <p>Null policy: no method accepts or returns {@code null} unless its Javadoc says so.
 */
package io.github.devpayls.ls.cli;
