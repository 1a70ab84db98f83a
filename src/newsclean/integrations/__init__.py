"""Optional integrations with data engines and scrapers.

Each module imports its third-party library only when used, and raises
:class:`~newsclean.errors.MissingDependencyError` naming the extra to install:

* :mod:`newsclean.integrations.frames`: pandas Series/DataFrames (``newsclean[pandas]``).
* :mod:`newsclean.integrations.dask`: Dask DataFrames and Bags on a ``dask.distributed``
  cluster, Parquet output (``newsclean[dask]``).
* :mod:`newsclean.integrations.scrapy`: a Scrapy item pipeline (``newsclean[scrapy]``).
"""
