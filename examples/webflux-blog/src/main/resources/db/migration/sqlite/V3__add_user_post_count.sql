-- Toasty migration V3: add user post count

-- step 1: add column users.post_count
ALTER TABLE "users" ADD COLUMN "post_count" INTEGER DEFAULT 0 NOT NULL CONSTRAINT "users_post_count_range" CHECK ("post_count" BETWEEN -9223372036854775808 AND 9223372036854775807);
