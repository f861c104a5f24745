# One Vielfaltskompass app server.
#   docker build -t vielfaltskompass .
#   docker run -p 8501:8501 -v vk-data:/app/data vielfaltskompass                 # SQLite file
#   docker run -p 8501:8501 -e VIELFALTSKOMPASS_DB_URL=postgresql+psycopg://… vielfaltskompass
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

WORKDIR /app
COPY requirements.txt requirements-postgres.txt ./
RUN pip install -r requirements.txt -r requirements-postgres.txt

COPY app.py ./
COPY .streamlit ./.streamlit
COPY questionnaires ./questionnaires
COPY assessment ./assessment

# An unprivileged user; the SQLite default lives in the volume /app/data.
RUN useradd --system --uid 10001 --home-dir /app vk \
    && mkdir -p /app/data && chown vk /app/data
USER vk
VOLUME ["/app/data"]

EXPOSE 8501
HEALTHCHECK --interval=30s --timeout=5s \
  CMD python -c "import urllib.request as u; u.urlopen('http://127.0.0.1:8501/_stcore/health', timeout=4)"
# The schema is migrated on start (or beforehand: `python -m assessment db upgrade`).
CMD ["python", "-m", "streamlit", "run", "app.py", "--server.address=0.0.0.0", "--server.port=8501"]
