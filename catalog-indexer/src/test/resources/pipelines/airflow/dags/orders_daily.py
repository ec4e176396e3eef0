"""Builds the order marts every morning."""
from datetime import datetime

from airflow import DAG
from airflow.providers.google.cloud.operators.bigquery import (
    BigQueryExecuteQueryOperator,
    BigQueryInsertJobOperator,
)

PROJECT = "acme-prod"

with DAG("orders_daily", start_date=datetime(2024, 1, 1), schedule="0 5 * * *", catchup=False) as dag:
    build_daily_orders = BigQueryInsertJobOperator(
        task_id="build_daily_orders",
        project_id="acme-prod",
        configuration={
            "query": {
                "query": """
SELECT
  DATE(created_at) AS order_date,
  customer_id,
  SUM(amount) AS revenue
FROM `acme-prod.raw.orders`
WHERE DATE(created_at) = '{{ ds }}'
GROUP BY order_date, customer_id
""",
                "useLegacySql": False,
                "destinationTable": {
                    "projectId": "acme-prod",
                    "datasetId": "mart",
                    "tableId": "daily_orders",
                },
                "writeDisposition": "WRITE_TRUNCATE",
            }
        },
    )

    # The SQL lives in a file next to the DAG; Airflow renders it as a template.
    revenue_by_country = BigQueryExecuteQueryOperator(
        task_id="revenue_by_country",
        sql="sql/revenue_by_country.sql",
        destination_dataset_table="acme-prod:finance.revenue_by_country",
        write_disposition="WRITE_TRUNCATE",
        use_legacy_sql=False,
        params={"min_amount": 0},
    )

    # Built at run time: cannot be read reliably without running the DAG.
    partition = BigQueryInsertJobOperator(
        task_id="refresh_partition",
        configuration={
            "query": {
                "query": f"DELETE FROM `{PROJECT}.mart.daily_orders` WHERE order_date < '2020-01-01'",
                "useLegacySql": False,
            }
        },
    )

    build_daily_orders >> revenue_by_country >> partition
