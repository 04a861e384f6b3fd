package io.toasty.dynamo.stream;

import java.util.Objects;

/**
 * Where a stream record lies: its shard and its sequence number, written
 * {@code <shard id>:<sequence number>} as a change notice's token (DynamoDB's shard ids hold
 * letters, digits and dashes; sequence numbers are decimal), and read back to resume after it.
 *
 * @param shard    the shard's id
 * @param sequence the record's sequence number in it
 */
record ShardToken(String shard, String sequence) {
  ShardToken {
    Objects.requireNonNull(shard, "shard");
    Objects.requireNonNull(sequence, "sequence");
  }

  /**
   * Reads {@code token}, as {@link #toString()} wrote it.
   *
   * @throws IllegalArgumentException when it is no such token
   */
  static ShardToken parse(String token) {
    int colon = token.lastIndexOf(':');
    String shard = colon > 0 ? token.substring(0, colon) : "";
    String sequence = colon > 0 ? token.substring(colon + 1) : "";
    if (shard.isEmpty() || !shard.matches("[A-Za-z0-9_.-]+")
        || sequence.isEmpty() || !sequence.chars().allMatch(Character::isDigit)) {
      throw new IllegalArgumentException("not a stream position <shard>:<sequence>: " + token);
    }
    return new ShardToken(shard, sequence);
  }

  @Override
  public String toString() {
    return shard + ":" + sequence;
  }
}
