/**
 * Users and access keys: the users file (format, location, owner-only permission check) and
 * {@link io.fs3.server.identity.Identities}, the {@link io.fs3.server.auth.CredentialStore} that maps
 * access keys to secrets and users and picks up edits to the file without a restart.
 *
 * <p>Knows nothing of buckets, ACLs or HTTP. Secrets are {@link io.fs3.config.Secret}s and never logged.
 */
package io.fs3.server.identity;
