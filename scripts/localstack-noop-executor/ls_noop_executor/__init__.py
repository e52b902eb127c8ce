"""A LocalStack Lambda runtime executor that prepares nothing (LAMBDA_RUNTIME_EXECUTOR=noop).

LocalStack's default executor prepares each function version in Docker; without
Docker every function ends in State Failed and DeleteFunction fails. The
lambda-conformance suite never invokes a function, so an executor that prepares
nothing lets the Lambda control plane work without Docker: versions become
Active at once, and invoking one fails with a plain error.
"""

from localstack.services.lambda_.invocation.plugins import RuntimeExecutorPlugin

NO_INVOKE = "invoking a function is not supported by the noop executor (LocalStack without Docker: control plane only)"


class NoopRuntimeExecutorPlugin(RuntimeExecutorPlugin):
    name = "noop"

    def load(self, *args, **kwargs):
        from localstack.services.lambda_.invocation.runtime_executor import RuntimeExecutor

        class NoopRuntimeExecutor(RuntimeExecutor):
            """Control plane only: versions become Active at once; invoking fails."""

            def start(self, env_vars):
                raise RuntimeError(NO_INVOKE)

            def stop(self):
                pass

            def get_address(self):
                return "127.0.0.1"

            def get_endpoint_from_executor(self):
                return "127.0.0.1"

            def get_runtime_endpoint(self):
                return "http://127.0.0.1"

            def invoke(self, payload):
                raise RuntimeError(NO_INVOKE)

            def get_logs(self):
                return ""

            @classmethod
            def prepare_version(cls, function_version):
                pass

            @classmethod
            def cleanup_version(cls, function_version):
                pass

        return NoopRuntimeExecutor
