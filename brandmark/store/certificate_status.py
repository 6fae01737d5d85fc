"""A certificate's effective status in SQL, for every query that reads certificates.

Its own module so that the statistics (a read command's start-up) can use it without
importing ``store.certificates``, which loads the signing code and cryptography.
"""

# Past its last day a certificate in force reads expired, or cancelled when a recertification
# replaced it at expiry (the day's first write stores that: ``Renewals.settle_replacements``).
EFFECTIVE_STATUS = ("CASE WHEN c.status IN ('valid', 'suspended') AND c.expires_on < :today "
                    "THEN CASE WHEN EXISTS (SELECT 1 FROM certificates r WHERE r.replaces = c.number) "
                    "THEN 'cancelled' ELSE 'expired' END ELSE c.status END")
