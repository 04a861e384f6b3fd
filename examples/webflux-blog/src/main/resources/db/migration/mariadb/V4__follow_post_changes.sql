-- Toasty migration V4: follow post changes

-- step 1: follow changes of posts
