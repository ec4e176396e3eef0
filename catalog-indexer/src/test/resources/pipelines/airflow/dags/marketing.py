from airflow import DAG
from airflow.models import Variable
from airflow.providers.google.cloud.operators.bigquery import BigQueryInsertJobOperator
import pendulum

AUDIENCE_CONFIG = {"query": {"query": "SELECT 1", "useLegacySql": False}}

with DAG(dag_id="marketing", start_date=pendulum.datetime(2024, 1, 1), schedule="@daily") as dag:
    audience = BigQueryInsertJobOperator(
        task_id="build_audience",
        configuration={
            "query": {
                "query": "{% include 'sql/audience.sql' %}",
                "useLegacySql": False,
                "defaultDataset": {"projectId": "acme-prod", "datasetId": "marketing"},
            }
        },
    )

    from_variable = BigQueryInsertJobOperator(
        task_id="from_variable",
        configuration=AUDIENCE_CONFIG,
    )

    dynamic_sql = BigQueryInsertJobOperator(
        task_id="dynamic_sql",
        configuration={"query": {"query": Variable.get("marketing_sql"), "useLegacySql": False}},
    )

    load = BigQueryInsertJobOperator(
        task_id="load_events",
        configuration={"load": {"sourceUris": ["gs://acme-events/*.json"], "destinationTable": {
            "projectId": "acme-prod", "datasetId": "raw", "tableId": "events"}}},
    )

    audience >> from_variable >> dynamic_sql
