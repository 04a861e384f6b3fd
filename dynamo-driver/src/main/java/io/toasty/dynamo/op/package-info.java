/** One class per driver operation, named as the operation (GetByKeyOp for Operation.GetByKey). */
package io.toasty.dynamo.op;
