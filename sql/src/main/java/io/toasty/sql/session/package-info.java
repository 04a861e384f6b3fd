/** The state of one connection's session that SQL transports share: its statement timeout. */
@NullMarked
package io.toasty.sql.session;

import org.jspecify.annotations.NullMarked;
