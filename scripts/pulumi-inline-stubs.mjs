/**
 * The Automation API (`@pulumi/pulumi/automation`) drives the `pulumi` CLI on a local
 * project directory. Its stack.js also serves *inline* programs, for which it imports the
 * whole Pulumi runtime (resource model, closure serialisation → the TypeScript compiler and
 * npm's arborist). The Action never runs inline programs, so for imports made by
 * automation/stack.js those modules are replaced by the few members it touches on the
 * local-program path:
 *   ../runtime                  only `grpcChannelOptions` (for the engine-events server),
 *                               the same values as runtime/settings.js (a test compares them);
 *   ../log                      only `warn`, which outside a program prints to stderr;
 *   ./server, ../proto/language_grpc_pb   the inline-program language server: refuses.
 * The bundle shrinks from 16 MB to about 1.5 MB for the Automation API part.
 */
export const PULUMI_INLINE_STUBS = {
  "../runtime":
    "exports.grpcChannelOptions = { 'grpc.max_receive_message_length': 1024 * 1024 * 400, 'grpc.server_max_unrequested_time_in_server': 30 * 60 };",
  "../log":
    "exports.warn = function (msg) { console.warn('warning: [runtime] ' + msg); return Promise.resolve(); };",
  "./server":
    "exports.LanguageServer = function () { throw new Error('inline Pulumi programs are not supported in this bundle: use a project directory'); };",
  "../proto/language_grpc_pb": "exports.LanguageRuntimeService = {};",
};
