#include "child_process.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <pthread.h>

#include <cerrno>
#include <cstring>

extern char** environ;

namespace heymilo::receiver {
namespace {

using Clock = std::chrono::steady_clock;
constexpr std::size_t kTail = 2048;

struct Pipe {
  int read = -1;
  int write = -1;
  Pipe() {
    int fds[2];
    if (pipe2(fds, O_CLOEXEC) == 0) {
      read = fds[0];
      write = fds[1];
    }
  }
  ~Pipe() {
    close_read();
    close_write();
  }
  void close_read() {
    if (read >= 0) ::close(std::exchange(read, -1));
  }
  void close_write() {
    if (write >= 0) ::close(std::exchange(write, -1));
  }
};

std::vector<std::string> child_environment(
    const std::vector<std::pair<std::string, std::string>>& extra) {
  std::vector<std::string> out;
  for (char** entry = environ; *entry; ++entry) {
    const std::string_view text(*entry);
    bool replaced = false;
    for (const auto& [name, value] : extra)
      replaced |= text.starts_with(name) && text.size() > name.size() && text[name.size()] == '=';
    if (!replaced) out.emplace_back(text);
  }
  for (const auto& [name, value] : extra) out.push_back(name + "=" + value);
  return out;
}

void keep_tail(std::string& tail, const char* data, std::size_t size) {
  tail.append(data, size);
  if (tail.size() > kTail) tail.erase(0, tail.size() - kTail);
}

// Blocks SIGPIPE in this thread while it lives, so that writing to a handler that closed
// its stdin fails with EPIPE instead of killing the process; discards the pending signal.
class NoSigpipe {
 public:
  NoSigpipe() {
    sigemptyset(&pipe_);
    sigaddset(&pipe_, SIGPIPE);
    pthread_sigmask(SIG_BLOCK, &pipe_, &old_);
  }
  ~NoSigpipe() {
    const timespec zero{};
    while (sigtimedwait(&pipe_, nullptr, &zero) == SIGPIPE) {
    }
    pthread_sigmask(SIG_SETMASK, &old_, nullptr);
  }

 private:
  sigset_t pipe_, old_;
};
}  // namespace

ChildResult run_child(const std::string& command, std::string_view input,
                      const std::vector<std::pair<std::string, std::string>>& environment,
                      std::chrono::duration<double> timeout, const std::atomic<bool>& cancel) {
  const NoSigpipe no_sigpipe;
  Pipe in, out;
  if (in.read < 0 || out.read < 0) return {false, std::string("pipe: ") + std::strerror(errno)};
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, in.read, STDIN_FILENO);
  posix_spawn_file_actions_adddup2(&actions, out.write, STDOUT_FILENO);
  posix_spawn_file_actions_adddup2(&actions, out.write, STDERR_FILENO);
  posix_spawnattr_t attributes;
  posix_spawnattr_init(&attributes);
  posix_spawnattr_setflags(&attributes,
                           POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
  posix_spawnattr_setpgroup(&attributes, 0);  // its own group: a timeout kills its children too
  sigset_t signals;
  sigemptyset(&signals);
  posix_spawnattr_setsigmask(&attributes, &signals);
  sigaddset(&signals, SIGPIPE);
  sigaddset(&signals, SIGTERM);
  sigaddset(&signals, SIGINT);
  posix_spawnattr_setsigdefault(&attributes, &signals);

  std::vector<std::string> env = child_environment(environment);
  std::vector<char*> envp;
  for (std::string& entry : env) envp.push_back(entry.data());
  envp.push_back(nullptr);
  const char* argv[] = {"/bin/sh", "-c", command.c_str(), nullptr};
  pid_t pid = -1;
  const int spawned = posix_spawn(&pid, "/bin/sh", &actions, &attributes,
                                  const_cast<char* const*>(argv), envp.data());
  posix_spawn_file_actions_destroy(&actions);
  posix_spawnattr_destroy(&attributes);
  if (spawned != 0) return {false, std::string("cannot start /bin/sh: ") + std::strerror(spawned)};
  in.close_read();
  out.close_write();
  fcntl(in.write, F_SETFL, O_NONBLOCK);

  const auto deadline = Clock::now() + std::chrono::duration_cast<Clock::duration>(timeout);
  std::string tail;
  std::size_t written = 0;
  if (input.empty()) in.close_write();
  int status = 0;
  bool exited = false;
  bool killed = false;
  while (!exited) {
    if (Clock::now() >= deadline || cancel.load()) {
      kill(-pid, SIGKILL);
      killed = true;
      waitpid(pid, &status, 0);
      break;
    }
    pollfd fds[2];
    nfds_t count = 0;
    if (out.read >= 0) fds[count++] = {out.read, POLLIN, 0};
    if (in.write >= 0) fds[count++] = {in.write, POLLOUT, 0};
    if (count > 0) {
      poll(fds, count, 50);
      for (nfds_t i = 0; i < count; ++i) {
        if (fds[i].fd == out.read && fds[i].revents) {
          char buffer[4096];
          const ssize_t got = ::read(out.read, buffer, sizeof buffer);
          if (got > 0) {
            keep_tail(tail, buffer, static_cast<std::size_t>(got));
          } else if (got == 0 || errno != EINTR) {
            out.close_read();
          }
        } else if (fds[i].fd == in.write && fds[i].revents) {
          const ssize_t sent = ::write(in.write, input.data() + written, input.size() - written);
          if (sent > 0) written += static_cast<std::size_t>(sent);
          // A handler that does not read its stdin (EPIPE) is its own business.
          if ((sent < 0 && errno != EAGAIN && errno != EINTR) || written == input.size())
            in.close_write();
        }
      }
    }
    const pid_t done = waitpid(pid, &status, WNOHANG);
    if (done == pid) {
      exited = true;
    } else if (count == 0) {
      ::usleep(10000);  // both pipes closed: wait for the exit
    }
  }
  if (exited && out.read >= 0) {  // collect what is left of its output
    char buffer[4096];
    fcntl(out.read, F_SETFL, O_NONBLOCK);
    ssize_t got;
    while ((got = ::read(out.read, buffer, sizeof buffer)) > 0)
      keep_tail(tail, buffer, static_cast<std::size_t>(got));
  }
  if (killed) {
    return {false, (cancel.load()
                        ? std::string("stopped with the receiver")
                        : "killed after the timeout of " + std::to_string(timeout.count()) + " s") +
                       (tail.empty() ? "" : ": " + tail)};
  }
  if (WIFEXITED(status) && WEXITSTATUS(status) == 0) return {true, {}};
  std::string how = WIFEXITED(status) ? "exit status " + std::to_string(WEXITSTATUS(status))
                                      : "killed by signal " + std::to_string(WTERMSIG(status));
  return {false, how + (tail.empty() ? "" : ": " + tail)};
}

}  // namespace heymilo::receiver
