# `cmake --install build --prefix P`: the dyad binary in P/bin, the default
# dictionaries and tables in P/share/dyad/data (where an installed dyad
# looks first: Lexicon::DefaultDataDir), the README and docs in
# P/share/doc/dyad.
install(TARGETS dyad RUNTIME DESTINATION bin)
install(DIRECTORY ${PROJECT_SOURCE_DIR}/data/ DESTINATION share/dyad/data
        PATTERN "*.py" EXCLUDE PATTERN "__pycache__" EXCLUDE)
install(FILES ${PROJECT_SOURCE_DIR}/README.md DESTINATION share/doc/dyad)
install(DIRECTORY ${PROJECT_SOURCE_DIR}/docs/ DESTINATION share/doc/dyad/docs)
