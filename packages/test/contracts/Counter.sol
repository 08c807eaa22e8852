// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

/// @notice A game-like target for session tests: per-player counters and positions.
contract Counter {
    uint256 public total;
    mapping(address => uint256) public counts;
    mapping(address => uint8) public positions;

    event Incremented(address indexed player, uint256 count);
    event Moved(address indexed player, uint8 direction);

    function increment() external {
        total += 1;
        counts[msg.sender] += 1;
        emit Incremented(msg.sender, counts[msg.sender]);
    }

    function add(uint256 amount) external {
        total += amount;
        counts[msg.sender] += amount;
    }

    function move(uint8 direction) external {
        require(direction < 4, "direction");
        positions[msg.sender] = direction;
        emit Moved(msg.sender, direction);
    }

    /// @notice Not part of any test policy: used to prove out-of-scope calls are refused.
    function reset() external {
        total = 0;
        counts[msg.sender] = 0;
    }

    function deposit() external payable {
        counts[msg.sender] += msg.value;
    }
}
