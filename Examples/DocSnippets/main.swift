// Every Swift code sample of the README and Docs/ lives in this target so that it compiles
// in CI; scripts/check-snippets.sh checks that each sample matches a region here.
print("Documentation snippets compile; run the quick start for a tour.")
