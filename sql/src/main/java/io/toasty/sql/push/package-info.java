/** The DDL that creates and drops a schema's tables and indexes. */
package io.toasty.sql.push;
