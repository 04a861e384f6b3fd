/** SDK errors as the library's typed errors. */
package io.toasty.dynamo.error;
