/** Module text per import specifier replaced in @pulumi/pulumi/automation/stack.js. */
export declare const PULUMI_INLINE_STUBS: Record<string, string>;
