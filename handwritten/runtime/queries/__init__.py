"""Statement helpers the generated repositories and the hand-written queries share."""
