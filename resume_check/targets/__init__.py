"""What a résumé is measured against: the Target record, role profiles and job postings, and the job match."""
