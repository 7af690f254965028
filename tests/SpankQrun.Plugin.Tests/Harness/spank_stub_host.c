/*
 * spank_stub_host: a stand-in for sbatch/srun/slurmstepd that loads spank_ibm_qrun.so the way Slurm does
 * (dlopen, RTLD_LAZY) and drives its callbacks, so the glue's dispatch can be tested without a cluster.
 * It exports the spank_* and slurm_* functions the plugin resolves in its host.
 *
 * usage: spank_stub_host PLUGIN CONTEXT REMOTE COMMAND...
 *   CONTEXT: local|remote|allocator|slurmd|job_script; REMOTE: 0|1
 *   commands, run in order:
 *     plugstack N WORDS...     the N plugstack args that init, privileged and (without its own) task_init receive
 *     init                     slurm_spank_init; prints "OPTIONS n" and each "OPTION name arginfo|usage"
 *     option NAME VALUE        the option callback; prints "OPTION_RC rc"
 *     post_opt                 slurm_spank_init_post_opt; prints "POST_OPT_RC rc" (the plugin may exit)
 *     privileged               slurm_spank_task_init_privileged; prints "PRIVILEGED_RC rc" and THREADS
 *     task_init ARGS...        slurm_spank_task_init with ARGS as plugstack args (the rest of the command
 *                              line, or those of `plugstack` when there are none); prints "TASK_INIT_RC rc",
 *                              then THREADS and SIGPIPE as below
 *     threads                  prints "THREADS n" (more than 1: the .NET runtime started)
 *     sigpipe                  prints "SIGPIPE default|ignored|handled"
 *     ignore_sigpipe           sets SIGPIPE to SIG_IGN, as a host might
 *     version                  prints "PLUGIN_VERSION n" (the plugin's plugin_version, decimal)
 * The job environment spank_getenv reads is this process's own environment; S_TASK_ID is $STUB_LOCAL_TASK_ID
 * (default 0), every other item 4242. Every log line the plugin writes is printed as "LOG level message";
 * every setenv as "SETENV name=value", every unsetenv as "UNSETENV name".
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <dlfcn.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>

struct spank_option {
    char *name;
    char *arginfo;
    char *usage;
    int has_arg;
    int val;
    int (*cb)(int val, const char *optarg, int remote);
};

static int context;
static int remote;
static struct spank_option options[8];
static int option_count;

static void log_line(const char *level, const char *format, va_list args)
{
    printf("LOG %s ", level);
    vprintf(format, args);
    printf("\n");
    fflush(stdout);
}

#define LOGGER(name)                                                                                     \
    void name(const char *format, ...)                                                                   \
    {                                                                                                    \
        va_list args;                                                                                    \
        va_start(args, format);                                                                          \
        log_line(#name, format, args);                                                                   \
        va_end(args);                                                                                    \
    }
LOGGER(slurm_error)
LOGGER(slurm_info)
LOGGER(slurm_verbose)
LOGGER(slurm_debug)

int spank_context(void) { return context; }
int spank_remote(void *sp) { (void)sp; return remote; }

int spank_option_register(void *sp, struct spank_option *opt)
{
    (void)sp;
    if (option_count == 8)
        return 1;
    options[option_count++] = *opt;
    return 0;
}

int spank_setenv(void *sp, const char *name, const char *value, int overwrite)
{
    (void)sp;
    (void)overwrite;
    printf("SETENV %s=%s\n", name, value);
    fflush(stdout);
    return 0;
}

int spank_unsetenv(void *sp, const char *name)
{
    (void)sp;
    printf("UNSETENV %s\n", name);
    fflush(stdout);
    return 0;
}

int spank_getenv(void *sp, const char *name, char *buf, int len)
{
    const char *value = getenv(name);
    (void)sp;
    if (value == NULL || strlen(value) >= (size_t)len)
        return 1;
    strcpy(buf, value);
    return 0;
}

int spank_get_item(void *sp, int item, ...)
{
    va_list args;
    (void)sp;
    va_start(args, item);
    if (item == 11) { /* S_TASK_ID, an int */
        const char *id = getenv("STUB_LOCAL_TASK_ID");
        *va_arg(args, int *) = id != NULL ? atoi(id) : 0;
    } else {
        *va_arg(args, uint32_t *) = 4242;
    }
    va_end(args);
    return 0;
}

static int count_threads(void)
{
    int n = 0;
    DIR *dir = opendir("/proc/self/task");
    struct dirent *entry;
    while (dir != NULL && (entry = readdir(dir)) != NULL)
        n += entry->d_name[0] != '.';
    if (dir != NULL)
        closedir(dir);
    return n;
}

static const char *sigpipe_state(void)
{
    struct sigaction action;
    sigaction(SIGPIPE, NULL, &action);
    if (action.sa_handler == SIG_DFL)
        return "default";
    return action.sa_handler == SIG_IGN ? "ignored" : "handled";
}

int main(int argc, char **argv)
{
    static const char *contexts[] = { "error", "local", "remote", "allocator", "slurmd", "job_script" };
    typedef int (*callback)(void *, int, char **);
    void *plugin;
    int i, plugstack_argc = 0;
    char **plugstack_argv = NULL;

    if (argc < 4)
        return 2;
    for (i = 0; i < 6; i++)
        if (strcmp(argv[2], contexts[i]) == 0)
            context = i;
    remote = atoi(argv[3]);
    /* Start from the default disposition whatever the test runner left us (dotnet ignores SIGPIPE). */
    signal(SIGPIPE, SIG_DFL);
    plugin = dlopen(argv[1], RTLD_LAZY);
    if (plugin == NULL) {
        printf("DLOPEN_FAILED %s\n", dlerror());
        return 3;
    }

    for (i = 4; i < argc; i++) {
        if (strcmp(argv[i], "plugstack") == 0 && i + 1 < argc) {
            plugstack_argc = atoi(argv[++i]);
            plugstack_argv = argv + i + 1;
            i += plugstack_argc;
        } else if (strcmp(argv[i], "init") == 0) {
            int rc = ((callback)dlsym(plugin, "slurm_spank_init"))(NULL, plugstack_argc, plugstack_argv);
            printf("INIT_RC %d\nOPTIONS %d\n", rc, option_count);
            for (int o = 0; o < option_count; o++)
                printf("OPTION %s %s|%s\n", options[o].name, options[o].arginfo, options[o].usage);
        } else if (strcmp(argv[i], "option") == 0 && i + 2 < argc) {
            const char *name = argv[++i];
            const char *value = argv[++i];
            int rc = -100;
            for (int o = 0; o < option_count; o++)
                if (strcmp(options[o].name, name) == 0)
                    rc = options[o].cb(options[o].val, value, remote);
            printf("OPTION_RC %d\n", rc);
        } else if (strcmp(argv[i], "post_opt") == 0) {
            fflush(stdout);
            printf("POST_OPT_RC %d\n", ((callback)dlsym(plugin, "slurm_spank_init_post_opt"))(NULL, 0, NULL));
        } else if (strcmp(argv[i], "privileged") == 0) {
            int rc = ((callback)dlsym(plugin, "slurm_spank_task_init_privileged"))(NULL, plugstack_argc, plugstack_argv);
            printf("PRIVILEGED_RC %d\nTHREADS %d\n", rc, count_threads());
        } else if (strcmp(argv[i], "task_init") == 0) {
            int own = argc - i - 1;
            int rc = ((callback)dlsym(plugin, "slurm_spank_task_init"))(NULL, own > 0 ? own : plugstack_argc,
                                                                       own > 0 ? argv + i + 1 : plugstack_argv);
            printf("TASK_INIT_RC %d\nTHREADS %d\nSIGPIPE %s\n", rc, count_threads(), sigpipe_state());
            break;
        } else if (strcmp(argv[i], "version") == 0) {
            printf("PLUGIN_VERSION %u\n", *(const unsigned int *)dlsym(plugin, "plugin_version"));
        } else if (strcmp(argv[i], "threads") == 0) {
            printf("THREADS %d\n", count_threads());
        } else if (strcmp(argv[i], "ignore_sigpipe") == 0) {
            signal(SIGPIPE, SIG_IGN);
        } else if (strcmp(argv[i], "sigpipe") == 0) {
            printf("SIGPIPE %s\n", sigpipe_state());
        } else {
            printf("UNKNOWN %s\n", argv[i]);
            return 2;
        }
        fflush(stdout);
    }
    return 0;
}
