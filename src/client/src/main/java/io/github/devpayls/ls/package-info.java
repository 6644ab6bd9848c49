/**
 * The public API of devpay-ls-client: a client for the Amazon DevPay License Service
 * (API 2008-04-28) that turns {@code ActivateDesktopProduct} into a domain result.
 *
 * <p>Start at {@link io.github.devpayls.ls.LicenseServiceClient#builder()}. An answer is an
 * {@link io.github.devpayls.ls.ActivationResult} ({@code Activated} or {@code Rejected} with a
 * {@link io.github.devpayls.ls.ServiceError} and the action to take); no answer is an unchecked
 * {@link io.github.devpayls.ls.NoAnswerException}.
 *
 * <p>Null policy: no method of this package accepts or returns {@code null} unless its Javadoc
 * says so; optional values are {@link java.util.Optional}. Bad input fails fast with
 * {@link io.github.devpayls.ls.InvalidInputException} naming the field and the rule.
 *
 * <p>Nothing here exposes CXF, JAXB or SOAP types; those live in {@code internal} packages,
 * which are not API and may change in any release.
 */
package io.github.devpayls.ls;
