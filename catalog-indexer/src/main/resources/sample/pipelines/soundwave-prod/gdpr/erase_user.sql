-- GDPR erasure (Art. 17) of one listener, run by the privacy team for each approved request.
-- Process and the tables it does not cover: gdpr-deletion-process.md. Parameter: @user_id.
DECLARE erased_on DATE DEFAULT CURRENT_DATE('Europe/Berlin');

-- 1. Close the open version of the account and record the deletion as a new version.
UPDATE `soundwave-prod.users.user_accounts`
SET valid_to = erased_on, is_current = FALSE
WHERE user_id = @user_id AND is_current AND NOT is_deleted;

INSERT INTO `soundwave-prod.users.user_accounts`
  (user_id, valid_from, valid_to, is_current, is_deleted, country, deletion_reason, change_reason, loaded_at)
SELECT user_id, erased_on, DATE '2060-01-01', TRUE, TRUE, country,
  'erasure request (GDPR Art. 17)', 'account deleted', CURRENT_TIMESTAMP()
FROM `soundwave-prod.users.user_accounts`
WHERE user_id = @user_id AND valid_to = erased_on;

-- 2. Remove the personal columns from every version of the account.
UPDATE `soundwave-prod.users.user_accounts`
SET email = NULL, first_name = NULL, last_name = NULL, display_name = NULL, birth_date = NULL,
  gender = NULL, phone_number = NULL, address = NULL, signup_ip = NULL
WHERE user_id = @user_id;

-- 3. Delete rows that only exist because of the person.
DELETE FROM `soundwave-prod.users.user_devices` WHERE user_id = @user_id;
DELETE FROM `soundwave-prod.users.accessibility_profiles` WHERE user_id = @user_id;
DELETE FROM `soundwave-prod.listening.playlists` WHERE owner_user_id = @user_id;

-- 4. Pseudonymise the facts finance must keep for royalties.
UPDATE `soundwave-prod.listening.plays`
SET user_id = NULL, device_id = NULL
WHERE user_id = @user_id AND play_date >= '2016-01-01';
