/** AWS credentials and where a client gets them from. */
package dev.ddbstreams.runtime.auth;
