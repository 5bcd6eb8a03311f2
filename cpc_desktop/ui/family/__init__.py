"""The family screen ("Who is here"): what the chair shows the family."""
