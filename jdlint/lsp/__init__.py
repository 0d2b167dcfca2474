"""`jdlint server`: the Language Server Protocol over stdio (pygls), on the warm Linters of `jdlint.serve`."""
