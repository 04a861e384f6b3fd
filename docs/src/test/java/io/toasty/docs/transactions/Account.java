package io.toasty.docs.transactions;

import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import io.toasty.annotations.Unique;

/** The model of docs/transactions.md: an account with a balance in cents. */
// snippet: tx-account-model
@Model
public record Account(@Key long id, @Unique String owner, long balance) {}
// end-snippet
