/**
 * Where configuration comes from besides the client builder: environment variables, Java system properties and
 * the shared AWS files ({@code ~/.aws/config}, {@code ~/.aws/credentials}). Everything reads through a
 * {@link dev.ddbstreams.runtime.config.SystemEnvironment}, so tests can pass their own variables and home folder.
 */
package dev.ddbstreams.runtime.config;
