package io.toasty.docs.softdelete;

import io.toasty.BelongsTo;
import io.toasty.annotations.Auto;
import io.toasty.annotations.Index;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import java.util.Optional;
import java.util.UUID;

/**
 * A model of docs/models.md, Soft delete: a key to an email unique among live accounts only,
 * which must be unchecked.
 */
// snippet: soft-delete-unique-key
@Model
public record Invite(
    @Key @Auto UUID id,
    @Index Optional<String> accountEmail,
    @BelongsTo.Key(value = "accountEmail", references = "email")
    @BelongsTo.Unchecked                      // a checked key is refused: email is live-unique
    BelongsTo<Optional<Account>> account) {}  // the live account with that email, if any
// end-snippet
