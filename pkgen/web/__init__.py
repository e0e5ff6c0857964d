"""``pkgen serve``: the web application for OPD staff and the legal section.

Modules, in the order a request meets them: ``security`` (who may ask, and what a request may
carry), ``routes`` and ``routes_form`` (the pages), ``handling`` (what every handler does the
same way), ``fields`` (the form generated from the model), ``editing`` (an agreement being
edited: its verdict and its YAML), ``store`` (the register on disk), ``register`` (the
register's rows and builds), ``uploads`` (files told apart by content), ``preview`` (drafts to
PDF and page pictures). ``app`` assembles them and runs the server.
"""
