/**
 * Implementation of the client: CXF wiring, fault translation, retries, masking, TLS policy and
 * the project's fixed facts. Not API: anything here may change in any release.
 *
 * <p>Null policy: as in {@link io.github.devpayls.ls}; no {@code null} unless documented.
 */
package io.github.devpayls.ls.internal;
