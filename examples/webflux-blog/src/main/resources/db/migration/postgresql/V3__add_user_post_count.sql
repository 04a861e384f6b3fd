-- Toasty migration V3: add user post count

-- step 1: add column users.post_count
ALTER TABLE "users" ADD COLUMN "post_count" BIGINT DEFAULT 0 NOT NULL;
