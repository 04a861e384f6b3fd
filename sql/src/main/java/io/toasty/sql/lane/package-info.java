/**
 * The order of one connection's operations, shared by the SQL transports (R2DBC, Vert.x): each
 * runs once the one before is over, a cancelled write still to its end, and an operation whose
 * subscriber cancelled before its turn is never sent ({@link io.toasty.sql.lane.OperationLane}).
 */
@NullMarked
package io.toasty.sql.lane;

import org.jspecify.annotations.NullMarked;
